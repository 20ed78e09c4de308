using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Scorm;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>One file of an upload: its name, size and a way to read it.</summary>
public sealed record MediumUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>
/// Stores the media of a lesson's draft (ADR-051): every file of an upload is checked (its bytes, its name, the limits)
/// before anything is written, and then all are written in one transaction. Serving copies a medium once per node into a
/// cache file named by its fingerprint, as SCORM packages are unpacked (ADR-043).
/// </summary>
public sealed class LessonMediaLibrary(ServeWellDbContext db, TimeProvider clock, IOptions<LessonMediaLimits> options)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Copying = new(StringComparer.Ordinal);

    public static readonly string[] CaptionLanguages = ["ko", "en"];

    public LessonMediaLimits Limits => options.Value;

    /// <summary>The lesson's media in the draft, oldest first.</summary>
    public Task<List<LessonMedium>> DraftAsync(int courseId, int lessonKey, CancellationToken cancellationToken) =>
        db.LessonMedia.AsNoTracking().Where(m => m.CourseId == courseId && m.LessonKey == lessonKey && m.RemovedAt == null).OrderBy(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>Every draft medium of the course, for publishing (ADR-051).</summary>
    public Task<List<LessonMedium>> CourseDraftAsync(int courseId, CancellationToken cancellationToken) =>
        db.LessonMedia.AsNoTracking().Where(m => m.CourseId == courseId && m.RemovedAt == null).ToListAsync(cancellationToken);

    /// <summary>
    /// Checks every file, then stores all of them or none; the problems name each file, what was wrong and the limit.
    /// <paramref name="alts"/> describe the images among the files, in their order (one each); <paramref name="language"/>
    /// is the language of a captions file.
    /// </summary>
    public async Task<(IReadOnlyList<LessonMedium> Added, IReadOnlyList<MediumProblem> Problems)> AddAsync(
        int courseId, int lessonKey, IReadOnlyList<MediumUpload> uploads, IReadOnlyList<string> alts, string? language, string uploadedBy, CancellationToken cancellationToken)
    {
        var problems = new List<MediumProblem>();
        if (uploads.Count == 0)
        {
            return ([], [new MediumProblem("Choose at least one file to upload.")]);
        }

        if (uploads.Count > LessonMediaLimits.MaxFilesPerUpload)
        {
            return ([], [new MediumProblem("{0} files were sent at once; upload at most {1} at a time.", uploads.Count, LessonMediaLimits.MaxFilesPerUpload)]);
        }

        var limits = Limits;
        var existing = await DraftAsync(courseId, lessonKey, cancellationToken);
        var total = existing.Sum(m => m.Bytes);
        var media = new List<LessonMedium>();
        var now = clock.GetUtcNow().UtcDateTime;
        var images = 0;
        foreach (var upload in uploads)
        {
            var name = CleanName(upload.FileName);
            if (upload.Length == 0)
            {
                problems.Add(new MediumProblem("“{0}” is empty.", name));
                continue;
            }

            await using var stream = upload.Open();
            var (format, problem) = MediumFormat.Detect(stream, name, ScormLibrary.Limits);
            if (format is null)
            {
                problems.Add(problem!);
                continue;
            }

            var alt = format.Kind == MediumKind.Image ? alts.ElementAtOrDefault(images++)?.Trim() : null;
            var max = limits.MaxBytesOf(format.Kind);
            if (upload.Length > max)
            {
                problems.Add(new MediumProblem("“{0}” is {1}; a {2} may be at most {3}.", name, ScormLimits.Size(upload.Length), format.Name, ScormLimits.Size(max)));
                continue;
            }

            total += upload.Length;
            if (format.Kind == MediumKind.Image && string.IsNullOrEmpty(alt))
            {
                problems.Add(new MediumProblem("“{0}” is an image: describe it in a few words (alt text) for people who cannot see it.", name));
            }
            else if (alt?.Length > LessonMediaLimits.MaxAltText)
            {
                problems.Add(new MediumProblem("The description of “{0}” is {1} characters long; at most {2} fit.", name, alt.Length, LessonMediaLimits.MaxAltText));
            }

            var captions = format.Kind == MediumKind.Captions ? language?.Trim().ToLowerInvariant() : null;
            if (format.Kind == MediumKind.Captions && !CaptionLanguages.Contains(captions))
            {
                problems.Add(new MediumProblem("“{0}” is a captions file: say whether its captions are in Korean or in English.", name));
            }
            else if (format.Kind == MediumKind.Captions && existing.Concat(media).Any(m => m.Kind == MediumKind.Captions && m.Language == captions))
            {
                problems.Add(new MediumProblem("“{0}”: the lesson already has captions in that language; remove them first.", name));
            }

            if (format.Kind == MediumKind.Video && existing.Concat(media).Any(m => m.Kind == MediumKind.Video))
            {
                problems.Add(new MediumProblem("“{0}”: a lesson plays one uploaded video; remove the one it has first.", name));
            }

            stream.Position = 0;
            media.Add(new LessonMedium
            {
                CourseId = courseId, LessonKey = lessonKey, Kind = format.Kind, FileName = name, ContentType = format.ContentType, Bytes = upload.Length,
                Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)),
                AltText = alt, Language = captions, UploadedAt = now, UploadedBy = uploadedBy,
            });
        }

        if (alts.Count(a => !string.IsNullOrWhiteSpace(a)) > images && problems.Count == 0)
        {
            problems.Add(new MediumProblem("{0} descriptions were given for {1} images; give one line per image, in the order of the files.", alts.Count(a => !string.IsNullOrWhiteSpace(a)), images));
        }

        if (total > limits.MaxLessonBytes)
        {
            problems.Add(new MediumProblem("These files would bring the lesson's media to {0}; a lesson may hold at most {1}. Nothing was uploaded.", ScormLimits.Size(total), ScormLimits.Size(limits.MaxLessonBytes)));
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.LessonMedia.AddRange(media);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < media.Count; i++)
        {
            await using var stream = uploads[i].Open();
            var buffer = new byte[MediumChunk.Size];
            for (var index = 0; ; index++)
            {
                var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                // One chunk at a time, let go once written, so a large video never sits in memory whole.
                var chunk = new MediumChunk { MediumId = media[i].Id, Index = index, Data = buffer[..read] };
                db.MediumChunks.Add(chunk);
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(chunk).State = EntityState.Detached;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (media, []);
    }

    /// <summary>
    /// Takes a medium out of the draft. A published version that lists it keeps it (it is only marked removed); one that no
    /// version lists is deleted with its bytes.
    /// </summary>
    public async Task RemoveAsync(LessonMedium medium, CancellationToken cancellationToken)
    {
        var versions = await db.CourseVersions.AsNoTracking().Where(v => v.CourseId == medium.CourseId).Select(v => v.Content).ToListAsync(cancellationToken);
        var published = versions.Any(json => CourseContent.FromJson(json).Lessons.Any(l => l.MediaOrNone.Any(m => m.Id == medium.Id)));
        if (published)
        {
            await db.LessonMedia.Where(m => m.Id == medium.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.RemovedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.MediumChunks.Where(c => c.MediumId == medium.Id).ExecuteDeleteAsync(cancellationToken);
            await db.LessonMedia.Where(m => m.Id == medium.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The medium's bytes as a file on this node, copied from the database first if this node has not yet.</summary>
    public async Task<string> FileAsync(LessonMedium medium, CancellationToken cancellationToken)
    {
        var root = options.Value.CacheDirectory ?? Path.Combine(Path.GetTempPath(), "servewell-media");
        var file = Path.Combine(root, $"{medium.Sha256}-{medium.Id}");
        if (File.Exists(file))
        {
            return file;
        }

        var gate = Copying.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(file))
            {
                return file;
            }

            Directory.CreateDirectory(root);
            var temporary = Path.Combine(root, $".{medium.Id}.{Guid.NewGuid():N}");
            await using (var target = File.Create(temporary))
            {
                var count = await db.MediumChunks.CountAsync(c => c.MediumId == medium.Id, cancellationToken);
                for (var index = 0; index < count; index++)
                {
                    var data = await db.MediumChunks.AsNoTracking().Where(c => c.MediumId == medium.Id && c.Index == index).Select(c => c.Data).SingleAsync(cancellationToken);
                    await target.WriteAsync(data, cancellationToken);
                }
            }

            // Moved into place whole, so a half-written file is never served.
            File.Move(temporary, file, overwrite: true);
            return file;
        }
        finally
        {
            gate.Release();
        }
    }

    private static string CleanName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        if (name.Length == 0)
        {
            name = "file";
        }

        return name.Length > 255 ? name[^255..] : name;
    }
}
