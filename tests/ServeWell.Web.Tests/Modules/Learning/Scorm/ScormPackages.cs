using System.IO.Compression;
using System.Text;

namespace ServeWell.Web.Tests.Modules.Learning.Scorm;

/// <summary>SCORM packages written here for the tests: a manifest in the shape authoring tools export, and its files.</summary>
public static class ScormPackages
{
    public const string LaunchPage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Courtesy at the counter</title></head>
        <body><main><h1>Courtesy at the counter</h1><p id="state">Loading</p></main>
        <script src="../shared/sco.js"></script></body></html>
        """;

    /// <summary>A SCO that talks to the LMS as the SCORM 1.2 run-time says: finds window.API up the frames, resumes, scores.</summary>
    public const string ScoScript = """
        (function () {
          function findApi(w) { for (var i = 0; w && i < 10; i++) { if (w.API) { return w.API; } if (w.parent === w) { break; } w = w.parent; } return null; }
          var api = findApi(window);
          var state = document.getElementById('state');
          if (!api) { state.textContent = 'No LMS'; return; }
          api.LMSInitialize('');
          var where = api.LMSGetValue('cmi.core.lesson_location');
          var suspend = api.LMSGetValue('cmi.suspend_data');
          state.textContent = 'Resumed at ' + (where || 'start') + ' with ' + (suspend || 'nothing');
          var button = document.createElement('button');
          button.textContent = 'Next page';
          button.onclick = function () { api.LMSSetValue('cmi.core.lesson_location', 'page-2'); api.LMSSetValue('cmi.suspend_data', 'q1=a'); api.LMSSetValue('cmi.core.lesson_status', 'incomplete'); api.LMSCommit(''); state.textContent = 'Saved page 2'; };
          var finish = document.createElement('button');
          finish.textContent = 'Finish the test';
          finish.onclick = function () { api.LMSSetValue('cmi.core.score.raw', '85'); api.LMSSetValue('cmi.core.lesson_status', 'passed'); api.LMSSetValue('cmi.core.session_time', '0000:12:30.00'); api.LMSFinish(''); state.textContent = 'Finished'; };
          document.querySelector('main').append(button, finish);
        })();
        """;

    public static string Manifest12(string launch = "course/index.html", string? mastery = "80", string identifierRef = "resource_1", string extraResource = "") => $"""
        <?xml version="1.0" standalone="no" ?>
        <manifest identifier="com.servewell.tests.courtesy" version="1"
                  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
          <organizations default="org_1">
            <organization identifier="org_1">
              <title>Courtesy at the counter</title>
              <item identifier="item_1" identifierref="{identifierRef}">
                <title>Greeting citizens</title>
                {(mastery is null ? "" : $"<adlcp:masteryscore>{mastery}</adlcp:masteryscore>")}
              </item>
            </organization>
          </organizations>
          <resources>
            <resource identifier="resource_1" type="webcontent" adlcp:scormtype="sco" href="{launch}">
              <file href="{launch}"/>
            </resource>
            {extraResource}
          </resources>
        </manifest>
        """;

    public static MemoryStream Zip(params (string Name, string Text)[] entries) =>
        Zip(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Text))).ToArray());

    public static MemoryStream Zip(params (string Name, byte[] Bytes)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A working one-SCO package: the manifest, a launch page and the SCO's script.</summary>
    public static MemoryStream Courtesy() => Zip(
        ("imsmanifest.xml", Manifest12()),
        ("course/index.html", LaunchPage),
        ("shared/sco.js", ScoScript));
}
