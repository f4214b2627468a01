namespace CivicDesk.Core.Jurisdictions;

/// <summary>A named work list of a department. New cases land in their service's queue.</summary>
public sealed class Queue
{
    private Queue()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Queue(Guid id, Guid departmentId, string code, string name)
    {
        Id = id;
        DepartmentId = departmentId;
        Code = code;
        Name = name;
    }

    public Guid Id { get; private set; }

    public Guid DepartmentId { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }
}
