namespace CivicDesk.Core.Files;

/// <summary>Where attachment bytes live: a local folder by default, an object store in larger deployments.</summary>
public interface IFileStore
{
    Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);
}
