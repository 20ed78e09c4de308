namespace ServeWell.Web.Tests.Fixtures;

internal static class TempFolder
{
    /// <summary>Deletes a scratch folder; a file still held open elsewhere must not fail the test run.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
