namespace CivicDesk.Workflow.CaseTypes;

/// <summary>A message to send, by template key; <see cref="Role"/> is set only when sent to a role.</summary>
public sealed record Notification(Recipient To, string? Role, string Template);
