using System.IO.Compression;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// Unpacks every part of an XLSX package once, counting the bytes that really come out (a zip's declared sizes can
/// lie), and stops at the first limit of <see cref="RosterFileLimits"/> exceeded, saying which and where.
/// </summary>
internal static class XlsxPackageCheck
{
    public static void Check(Stream package, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new RosterFileException($"The file looks like an Excel workbook but could not be read: {ex.Message}");
        }

        using (archive)
        {
            if (archive.Entries.Count > RosterFileLimits.MaxParts)
            {
                throw new RosterFileException(
                    $"The workbook has {RosterFileLimits.Number(archive.Entries.Count)} parts; at most {RosterFileLimits.Number(RosterFileLimits.MaxParts)} are read. Save it again from Excel as .xlsx.");
            }

            var buffer = new byte[81_920];
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                total += Unpacked(entry, buffer, total, cancellationToken);
            }
        }

        package.Position = 0;
    }

    private static long Unpacked(ZipArchiveEntry entry, byte[] buffer, long totalSoFar, CancellationToken cancellationToken)
    {
        long length = 0;
        try
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                length += read;
                if (length > RosterFileLimits.MaxPartBytes)
                {
                    throw new RosterFileException(
                        $"The workbook part \"{entry.FullName}\" unpacks to more than {RosterFileLimits.Megabytes(RosterFileLimits.MaxPartBytes)}, the limit for one part.");
                }

                if (totalSoFar + length > RosterFileLimits.MaxPackageBytes)
                {
                    throw new RosterFileException(
                        $"The workbook unpacks to more than {RosterFileLimits.Megabytes(RosterFileLimits.MaxPackageBytes)} (at part \"{entry.FullName}\"), the limit for a roster.");
                }

                if (length > RosterFileLimits.RatioCheckedAboveBytes && length > entry.CompressedLength * RosterFileLimits.MaxCompressionRatio)
                {
                    throw new RosterFileException(
                        $"The workbook part \"{entry.FullName}\" unpacks to more than {RosterFileLimits.MaxCompressionRatio} times its packed size, which a real roster never does.");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RosterFileException($"The file looks like an Excel workbook but could not be read: {ex.Message}");
        }

        return length;
    }
}
