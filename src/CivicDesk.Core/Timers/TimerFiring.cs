using CivicDesk.Core.Data;
using NodaTime;

namespace CivicDesk.Core.Timers;

/// <summary>A claimed timer being fired: the context of its transaction and the moment of firing.</summary>
public sealed record TimerFiring(CivicDeskDbContext Db, DurableTimer Timer, Instant Now, TimeProvider Time);
