using CivicDesk.Core.Data;

namespace CivicDesk.Core.Files;

/// <summary>Keeps files in a folder on the server's disk. CivicDesk makes the keys, never an uploader.</summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public async Task SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        string path = PathFor(key);
        DataFolder.CreatePrivateFolder(Path.GetDirectoryName(path)!);
        string temporary = path + ".partial";
        // Write-through: the bytes are on disk before the case that points to them can commit. Owner-only:
        // residents' photos are personal data.
        FileStreamOptions options = DataFolder.PrivateFileOptions(
            FileMode.Create, FileAccess.Write, FileOptions.WriteThrough | FileOptions.Asynchronous);
        await using (FileStream stream = new(temporary, options))
        {
            await stream.WriteAsync(content, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        string path = PathFor(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read)
            : null;
        return Task.FromResult(stream);
    }

    private string PathFor(string key)
    {
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/'))
        {
            throw new ArgumentException("A file key holds only letters, digits, '-' and '/'.", nameof(key));
        }

        string full = Path.GetFullPath(Path.Combine(root, key));
        if (!full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
        {
            throw new ArgumentException("A file key must stay inside the store.", nameof(key));
        }

        return full;
    }
}
