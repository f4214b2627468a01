namespace CivicDesk.Core.Identity;

/// <summary>What a staff user may do. Each role includes the ones before it.</summary>
public enum StaffRole
{
    /// <summary>Works the cases of the departments he or she belongs to.</summary>
    Agent,

    /// <summary>An agent who also oversees the queues of those departments.</summary>
    Supervisor,

    /// <summary>Sees every department and manages users, keys and the catalogue.</summary>
    Administrator,
}
