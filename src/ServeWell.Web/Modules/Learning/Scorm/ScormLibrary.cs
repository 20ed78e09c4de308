using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Scorm;

public sealed class ScormOptions
{
    /// <summary>Where each node unpacks the packages it serves (a cache: the zip itself is in the database).</summary>
    public string? CacheDirectory { get; set; }
}

/// <summary>
/// Stores checked packages and unpacks them, once per node, into a cache folder named by the package's fingerprint,
/// from which the player serves their files (ADR-043).
/// </summary>
public sealed class ScormLibrary(ServeWellDbContext db, TimeProvider clock, IOptions<ScormOptions> options)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Unpacking = new(StringComparer.Ordinal);

    public static readonly ScormLimits Limits = new();

    /// <summary>Reads, checks and stores a package with its SCOs in one transaction; throws <see cref="ScormPackageException"/> with the reason.</summary>
    public async Task<ScormPackage> AddAsync(Stream upload, string fileName, string uploadedBy, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        var contents = ScormPackageReader.Read(buffer, Limits, cancellationToken);
        var package = new ScormPackage
        {
            Title = contents.Manifest.Title,
            ManifestIdentifier = contents.Manifest.Identifier,
            Version = contents.Manifest.Version,
            Sha256 = contents.Sha256,
            FileName = Path.GetFileName(fileName).Length > 255 ? Path.GetFileName(fileName)[..255] : Path.GetFileName(fileName),
            PackedBytes = contents.PackedBytes,
            UnpackedBytes = contents.UnpackedBytes,
            FileCount = contents.FileCount,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = uploadedBy,
        };
        var position = 0;
        foreach (var sco in contents.Manifest.Scos)
        {
            package.Scos.Add(new ScormSco
            {
                Position = ++position,
                Depth = sco.Depth,
                Identifier = sco.Identifier,
                Title = sco.Title,
                LaunchPath = sco.LaunchPath,
                Parameters = sco.Parameters,
                MasteryScore = sco.MasteryScore,
            });
        }

        db.Add(package);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new ScormPackageContent { PackageId = package.Id, Zip = buffer.ToArray() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return package;
    }

    /// <summary>The folder holding the package's files on this node, unpacking it first if this node has not yet.</summary>
    public async Task<string> FolderAsync(ScormPackage package, CancellationToken cancellationToken)
    {
        var root = options.Value.CacheDirectory ?? Path.Combine(Path.GetTempPath(), "servewell-scorm");
        var folder = Path.Combine(root, package.Sha256);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var gate = Unpacking.GetOrAdd(package.Sha256, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Directory.Exists(folder))
            {
                return folder;
            }

            var zip = await db.Set<ScormPackageContent>().Where(c => c.PackageId == package.Id).Select(c => c.Zip).SingleAsync(cancellationToken);
            var temporary = Path.Combine(root, $".{package.Sha256}.{Guid.NewGuid():N}");
            Directory.CreateDirectory(temporary);
            using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
            {
                foreach (var entry in archive.Entries)
                {
                    // The package was checked at upload; each path is checked again before anything is written.
                    var path = ScormPackageReader.SafePath(entry.FullName);
                    if (path is null || entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                    {
                        continue;
                    }

                    var target = Path.GetFullPath(Path.Combine(temporary, path));
                    if (!target.StartsWith(temporary + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await using var source = entry.Open();
                    await using var file = File.Create(target);
                    await source.CopyToAsync(file, cancellationToken);
                }
            }

            Directory.Move(temporary, folder);
            return folder;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The full path of a file inside the unpacked package, or null when the path leaves it or names no file.</summary>
    public static string? FileIn(string folder, string relative)
    {
        var path = ScormPackageReader.SafePath(relative);
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(folder, path));
        return full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }
}
