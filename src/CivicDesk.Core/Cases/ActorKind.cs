namespace CivicDesk.Core.Cases;

public enum ActorKind
{
    Resident,
    Staff,
    Partner,
    System,
}
