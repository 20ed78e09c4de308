using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>What a package holds once read and checked: its manifest, its files, and its fingerprint.</summary>
public sealed record ScormPackageContents(ScormManifest Manifest, string Sha256, long PackedBytes, long UnpackedBytes, int FileCount);

/// <summary>
/// Reads a SCORM package (a zip with imsmanifest.xml at its top) and refuses what is not one, saying which problem
/// and where: not a zip, a manifest in a sub-folder, an AICC course, a manifest that is not XML or declares a DTD,
/// an item pointing at nothing, a launch file missing, a path that would land outside the package, a zip bomb
/// (ADR-043). Every entry is unpacked once, counting the bytes that really come out, before the manifest is trusted.
/// </summary>
public static class ScormPackageReader
{
    public const string ManifestName = "imsmanifest.xml";

    private static readonly string[] AiccExtensions = [".crs", ".au", ".des", ".cst"];

    public static ScormPackageContents Read(Stream package, ScormLimits limits, CancellationToken cancellationToken = default)
    {
        if (package.CanSeek && package.Length > limits.MaxPackageBytes)
        {
            throw Refuse("The package is {0}; at most {1} is accepted.", ScormLimits.Megabytes(package.Length), ScormLimits.Megabytes(limits.MaxPackageBytes));
        }

        var sha = Sha256(package);
        try
        {
            using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            var (files, unpacked, manifestBytes) = Unpack(archive, limits, cancellationToken);
            var manifest = ReadManifest(manifestBytes, files, limits);
            return new ScormPackageContents(manifest, sha, package.Length, unpacked, files.Count);
        }
        catch (InvalidDataException)
        {
            throw Refuse("The file is not a zip file (or a damaged one); a SCORM package is a .zip with imsmanifest.xml at its top.");
        }
        finally
        {
            package.Position = 0;
        }
    }

    /// <summary>The package-relative path of a zip entry or a manifest href, or null when it would land outside the package.</summary>
    public static string? SafePath(string path)
    {
        var normal = path.Replace('\\', '/');
        if (normal.Length == 0 || normal.StartsWith('/') || (normal.Length > 1 && normal[1] == ':') || normal.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var part in normal.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                return null;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private static (HashSet<string> Files, long Unpacked, byte[] Manifest) Unpack(ZipArchive archive, ScormLimits limits, CancellationToken cancellationToken)
    {
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw Refuse("The package has {0} files and folders; at most {1} are accepted.", ScormLimits.Number(archive.Entries.Count), ScormLimits.Number(limits.MaxEntries));
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new byte[81_920];
        long total = 0;
        byte[]? manifest = null;
        string? nestedManifest = null;
        var aicc = false;
        foreach (var entry in archive.Entries)
        {
            var isFolder = entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');
            var path = SafePath(entry.FullName);
            if (path is null)
            {
                throw Refuse("The entry \"{0}\" would land outside the package (an absolute path or \"..\"); the package is refused.", entry.FullName);
            }

            if (isFolder)
            {
                continue;
            }

            if (!files.Add(path))
            {
                throw Refuse("The file \"{0}\" is in the package twice.", path);
            }

            var isManifest = string.Equals(path, ManifestName, StringComparison.OrdinalIgnoreCase);
            using var kept = isManifest ? new MemoryStream() : null;
            long length = 0;
            using (var stream = entry.Open())
            {
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    length += read;
                    total += read;
                    if (total > limits.MaxUnpackedBytes)
                    {
                        throw Refuse("The package unpacks to more than {0} (at \"{1}\"); that is the limit.", ScormLimits.Megabytes(limits.MaxUnpackedBytes), path);
                    }

                    if (length > ScormLimits.RatioCheckedAboveBytes && length > entry.CompressedLength * limits.MaxCompressionRatio)
                    {
                        throw Refuse("The file \"{0}\" unpacks to more than {1} times its packed size, which no course file does; the package is refused.", path, limits.MaxCompressionRatio);
                    }

                    if (kept is not null)
                    {
                        if (length > limits.MaxManifestBytes)
                        {
                            throw Refuse("imsmanifest.xml is larger than {0}.", ScormLimits.Megabytes(limits.MaxManifestBytes));
                        }

                        kept.Write(buffer, 0, read);
                    }
                }
            }

            if (kept is not null)
            {
                manifest = kept.ToArray();
            }
            else if (nestedManifest is null && path.EndsWith("/" + ManifestName, StringComparison.OrdinalIgnoreCase))
            {
                nestedManifest = path;
            }

            aicc |= AiccExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());
        }

        if (manifest is not null)
        {
            return (files, total, manifest);
        }

        if (nestedManifest is not null)
        {
            throw Refuse("The package has no imsmanifest.xml at its top; there is one at \"{0}\". Zip the contents of that folder, not the folder itself.", nestedManifest);
        }

        if (aicc)
        {
            throw Refuse("The package is an AICC course (.crs, .au, .des files), not SCORM; ServeWell plays SCORM 1.2 and 2004.");
        }

        throw Refuse("The package has no imsmanifest.xml, so it is not a SCORM package.");
    }

    private static ScormManifest ReadManifest(byte[] bytes, HashSet<string> files, ScormLimits limits)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = limits.MaxManifestBytes,
                IgnoreComments = true,
            };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw Refuse("imsmanifest.xml declares a DTD (line {0}), which is refused.", ex.LineNumber);
        }
        catch (XmlException ex) when (ex.LineNumber == 0)
        {
            throw Refuse("imsmanifest.xml has no <manifest> element (it is empty or holds only an XML declaration).");
        }
        catch (XmlException ex)
        {
            throw Refuse("imsmanifest.xml is not well-formed XML at line {0}, position {1}.", ex.LineNumber, ex.LinePosition);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "manifest")
        {
            throw Refuse("imsmanifest.xml starts with <{0}>, not <manifest>.", root.Name.LocalName);
        }

        var version = VersionOf(root);
        var resources = Resources(root);
        var organisations = Child(root, "organizations");
        var organisation = DefaultOrganisation(organisations);
        var scos = new List<ScormManifestItem>();
        if (organisation is not null)
        {
            foreach (var item in Children(organisation, "item"))
            {
                AddItems(item, 0, resources, files, scos);
            }
        }

        // A manifest without an organisation (Moodle's sample "missingorg" is one) still names its SCOs as resources.
        if (scos.Count == 0)
        {
            foreach (var resource in resources.Values.Where(r => r.IsSco && r.Href is not null))
            {
                scos.Add(Sco(resource.Identifier, resource.Identifier, resource, null, null, 0, files));
            }
        }

        if (scos.Count == 0)
        {
            throw Refuse("imsmanifest.xml lists nothing to launch: no item of an organisation points to a resource with a launch file.");
        }

        var title = Text(Child(organisation, "title")) ?? scos[0].Title;
        var identifier = (string?)root.Attribute("identifier") ?? title;
        return new ScormManifest(Limit(identifier, 200), Limit(title, 200), version, scos);
    }

    private static ScormVersion VersionOf(XElement root)
    {
        var schemaVersion = Text(Child(Child(root, "metadata"), "schemaversion"));
        if (schemaVersion is not null)
        {
            if (schemaVersion == "1.2")
            {
                return ScormVersion.Scorm12;
            }

            if (schemaVersion.Contains("2004", StringComparison.Ordinal) || schemaVersion.Contains("1.3", StringComparison.Ordinal))
            {
                return ScormVersion.Scorm2004;
            }
        }

        var namespaces = root.DescendantsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration).Select(a => a.Value).ToList();
        if (namespaces.Any(n => n.Contains("adlcp_v1p3", StringComparison.OrdinalIgnoreCase)))
        {
            return ScormVersion.Scorm2004;
        }

        if (namespaces.Any(n => n.Contains("adlcp_rootv1p2", StringComparison.OrdinalIgnoreCase)) || schemaVersion is null)
        {
            return ScormVersion.Scorm12;
        }

        throw Refuse("imsmanifest.xml says schema version \"{0}\"; ServeWell plays SCORM 1.2 and 2004.", schemaVersion);
    }

    private sealed record Resource(string Identifier, string? Href, bool IsSco, int Line);

    private static Dictionary<string, Resource> Resources(XElement root)
    {
        var result = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var resourcesElement = Child(root, "resources");
        var outerBase = Base(resourcesElement);
        foreach (var element in Children(resourcesElement, "resource"))
        {
            var id = (string?)element.Attribute("identifier");
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            var scormType = element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("scormtype", StringComparison.OrdinalIgnoreCase))?.Value;
            var href = (string?)element.Attribute("href");
            var full = href is null ? null : outerBase + Base(element) + href;
            result.TryAdd(id, new Resource(id, full, !string.Equals(scormType, "asset", StringComparison.OrdinalIgnoreCase), Line(element)));
        }

        return result;
    }

    private static void AddItems(XElement item, int depth, Dictionary<string, Resource> resources, HashSet<string> files, List<ScormManifestItem> scos)
    {
        var identifier = (string?)item.Attribute("identifier") ?? $"item-{scos.Count + 1}";
        var title = Text(Child(item, "title")) ?? identifier;
        var reference = (string?)item.Attribute("identifierref");
        if (!string.IsNullOrEmpty(reference))
        {
            if (!resources.TryGetValue(reference, out var resource))
            {
                throw Refuse("The item \"{0}\" (line {1}) points to the resource \"{2}\", which imsmanifest.xml does not define.", identifier, Line(item), reference);
            }

            if (resource.Href is null)
            {
                throw Refuse("The resource \"{0}\" (line {1}) of item \"{2}\" has no launch file (href).", reference, resource.Line, identifier);
            }

            var mastery = Text(Child(item, "masteryscore"));
            decimal? masteryScore = null;
            if (mastery is not null)
            {
                if (!decimal.TryParse(mastery, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) || m < 0 || m > 100)
                {
                    throw Refuse("The item \"{0}\" (line {1}) has the mastery score \"{2}\", which is not a number from 0 to 100.", identifier, Line(item), mastery);
                }

                masteryScore = m;
            }

            scos.Add(Sco(identifier, title, resource, (string?)item.Attribute("parameters"), masteryScore, depth, files));
        }

        foreach (var child in Children(item, "item"))
        {
            AddItems(child, depth + 1, resources, files, scos);
        }
    }

    private static ScormManifestItem Sco(string identifier, string title, Resource resource, string? itemParameters, decimal? mastery, int depth, HashSet<string> files)
    {
        var href = resource.Href!;
        var query = href.IndexOfAny(['?', '#']);
        var pathPart = query < 0 ? href : href[..query];
        var parameters = query < 0 ? itemParameters : href[query..] + (itemParameters ?? "");
        var path = SafePath(Uri.UnescapeDataString(pathPart));
        if (path is null)
        {
            throw Refuse("The launch file \"{0}\" of item \"{1}\" would lie outside the package.", href, identifier);
        }

        if (Uri.TryCreate(pathPart, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            throw Refuse("The item \"{0}\" launches \"{1}\", a page on another site; ServeWell plays only what is inside the package.", identifier, href);
        }

        if (!files.Contains(path))
        {
            throw Refuse("The launch file \"{0}\" of item \"{1}\" is not in the package.", path, identifier);
        }

        return new ScormManifestItem(Limit(identifier, 200), Limit(title, 300), path, string.IsNullOrEmpty(parameters) ? null : Limit(parameters, 1000), mastery, depth);
    }

    private static XElement? DefaultOrganisation(XElement? organisations)
    {
        if (organisations is null)
        {
            return null;
        }

        var all = Children(organisations, "organization").ToList();
        var wanted = (string?)organisations.Attribute("default");
        return all.FirstOrDefault(o => (string?)o.Attribute("identifier") == wanted) ?? all.FirstOrDefault();
    }

    private static string Base(XElement? element)
    {
        var value = element?.Attribute(XNamespace.Xml + "base")?.Value;
        return string.IsNullOrEmpty(value) ? "" : value.EndsWith('/') ? value : value + "/";
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    private static string? Text(XElement? element)
    {
        var text = element?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Sha256(Stream package)
    {
        package.Position = 0;
        var hash = Convert.ToHexStringLower(SHA256.HashData(package));
        package.Position = 0;
        return hash;
    }

    private static ScormPackageException Refuse(string text, params object[] values) => new(new ScormProblem(text, values));
}
