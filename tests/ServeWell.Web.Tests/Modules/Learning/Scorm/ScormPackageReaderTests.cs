using ServeWell.Web.Modules.Learning.Scorm;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Scorm;

public sealed class ScormPackageReaderTests
{
    private static readonly ScormLimits Limits = new();

    [Fact]
    public void A_SCORM_12_package_gives_its_title_version_launch_file_and_mastery_score()
    {
        var contents = ScormPackageReader.Read(ScormPackages.Courtesy(), Limits);

        contents.Manifest.Title.ShouldBe("Courtesy at the counter");
        contents.Manifest.Version.ShouldBe(ScormVersion.Scorm12);
        contents.Manifest.Identifier.ShouldBe("com.servewell.tests.courtesy");
        var sco = contents.Manifest.Scos.ShouldHaveSingleItem();
        sco.Title.ShouldBe("Greeting citizens");
        sco.LaunchPath.ShouldBe("course/index.html");
        sco.MasteryScore.ShouldBe(80m);
        contents.FileCount.ShouldBe(3);
        contents.Sha256.Length.ShouldBe(64);
    }

    [Fact]
    public void A_SCORM_2004_manifest_with_nested_items_xml_base_and_parameters_is_read_in_order()
    {
        const string manifest = """
            <?xml version="1.0"?>
            <manifest identifier="m2004" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
              <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
              <organizations default="o">
                <organization identifier="o"><title>Phone manners</title>
                  <item identifier="part1"><title>Part 1</title>
                    <item identifier="a" identifierref="r1" parameters="?page=2"><title>Answering</title></item>
                  </item>
                  <item identifier="b" identifierref="r2"><title>Transferring a call</title></item>
                </organization>
              </organizations>
              <resources xml:base="content/">
                <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="one%20page.html"/>
                <resource identifier="r2" type="webcontent" adlcp:scormType="asset" xml:base="two" href="index.html?x=1"/>
              </resources>
            </manifest>
            """;
        var contents = ScormPackageReader.Read(ScormPackages.Zip(("imsmanifest.xml", manifest), ("content/one page.html", "<p>1</p>"), ("content/two/index.html", "<p>2</p>")), Limits);

        contents.Manifest.Version.ShouldBe(ScormVersion.Scorm2004);
        contents.Manifest.Title.ShouldBe("Phone manners");
        contents.Manifest.Scos.Select(s => (s.Identifier, s.LaunchPath, s.Parameters, s.Depth)).ShouldBe(
        [
            ("a", "content/one page.html", "?page=2", 1),
            ("b", "content/two/index.html", "?x=1", 0),
        ]);
    }

    [Fact]
    public void A_manifest_without_organisations_launches_its_SCO_resources()
    {
        const string manifest = """
            <manifest identifier="x" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
              <organizations/>
              <resources><resource identifier="resource_1" type="webcontent" adlcp:scormtype="sco" href="sso/launchpage.html"/></resources>
            </manifest>
            """;
        var contents = ScormPackageReader.Read(ScormPackages.Zip(("imsmanifest.xml", manifest), ("sso/launchpage.html", "<p>go</p>")), Limits);

        contents.Manifest.Scos.ShouldHaveSingleItem().LaunchPath.ShouldBe("sso/launchpage.html");
    }

    [Fact]
    public void Not_a_zip_is_refused_as_such() =>
        Refused(new MemoryStream("<html>not a package</html>"u8.ToArray())).ShouldStartWith("The file is not a zip file");

    [Fact]
    public void A_manifest_in_a_sub_folder_is_refused_naming_the_folder() =>
        Refused(ScormPackages.Zip(("course/imsmanifest.xml", ScormPackages.Manifest12()), ("course/course/index.html", "x")))
            .ShouldBe("The package has no imsmanifest.xml at its top; there is one at \"course/imsmanifest.xml\". Zip the contents of that folder, not the folder itself.");

    [Fact]
    public void A_zip_with_a_single_html_file_is_not_SCORM() =>
        Refused(ScormPackages.Zip(("test.htm", ""))).ShouldBe("The package has no imsmanifest.xml, so it is not a SCORM package.");

    [Fact]
    public void An_AICC_course_is_named_as_one() =>
        Refused(ScormPackages.Zip(("course.crs", "[Course]"), ("course.au", "x"))).ShouldStartWith("The package is an AICC course");

    [Fact]
    public void A_missing_launch_file_is_named() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12(launch: "course/start.html")), ("course/index.html", "x")))
            .ShouldBe("The launch file \"course/start.html\" of item \"item_1\" is not in the package.");

    [Fact]
    public void An_item_pointing_at_no_resource_is_named_with_its_line() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12(identifierRef: "resource_9")), ("course/index.html", "x")))
            .ShouldMatch("^The item \"item_1\" \\(line \\d+\\) points to the resource \"resource_9\", which imsmanifest.xml does not define\\.$");

    [Theory]
    [InlineData("../evil.html")]
    [InlineData("/etc/passwd")]
    [InlineData("course/../../evil.html")]
    [InlineData("C:/windows/evil.html")]
    [InlineData("..\\evil.html")]
    public void A_zip_entry_that_escapes_the_package_is_refused(string name) =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12()), ("course/index.html", "x"), (name, "x")))
            .ShouldContain("would land outside the package");

    [Fact]
    public void A_launch_file_that_escapes_the_package_is_refused() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12(launch: "../index.html")), ("course/index.html", "x")))
            .ShouldContain("would lie outside the package");

    [Fact]
    public void A_launch_page_on_another_site_is_refused() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12(launch: "https://vendor.example/course.html")), ("course/index.html", "x")))
            .ShouldContain("a page on another site");

    [Fact]
    public void A_manifest_with_a_DTD_is_refused_before_anything_is_resolved()
    {
        const string manifest = """
            <?xml version="1.0"?>
            <!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <manifest identifier="x"><organizations/><resources/></manifest>
            """;
        Refused(ScormPackages.Zip(("imsmanifest.xml", manifest))).ShouldStartWith("imsmanifest.xml declares a DTD");
    }

    [Fact]
    public void A_manifest_that_is_not_XML_gives_line_and_position() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", "<manifest>\n  <organizations>\n</manifest>"))).ShouldBe("imsmanifest.xml is not well-formed XML at line 3, position 3.");

    [Fact]
    public void A_manifest_with_only_an_XML_declaration_says_so() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))).ShouldStartWith("imsmanifest.xml has no <manifest> element");

    [Fact]
    public void A_mastery_score_that_is_not_a_number_is_named() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12(mastery: "eighty")), ("course/index.html", "x")))
            .ShouldMatch("^The item \"item_1\" \\(line \\d+\\) has the mastery score \"eighty\", which is not a number from 0 to 100\\.$");

    [Fact]
    public void A_zip_bomb_is_refused_by_its_ratio_before_it_fills_anything()
    {
        var zeros = new byte[20 * 1024 * 1024];
        Refused(ScormPackages.Zip(("imsmanifest.xml", System.Text.Encoding.UTF8.GetBytes(ScormPackages.Manifest12())), ("course/index.html", "x"u8.ToArray()), ("video.bin", zeros)))
            .ShouldBe("The file \"video.bin\" unpacks to more than 200 times its packed size, which no course file does; the package is refused.");
    }

    [Fact]
    public void The_unpacked_total_and_the_number_of_entries_are_limited()
    {
        var small = new ScormLimits { MaxUnpackedBytes = 1024, MaxEntries = 3 };
        Should.Throw<ScormPackageException>(() => ScormPackageReader.Read(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12()), ("course/index.html", new string('x', 2000))), small))
            .Message.ShouldStartWith("The package unpacks to more than 0 MB");
        Should.Throw<ScormPackageException>(() => ScormPackageReader.Read(ScormPackages.Zip(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")), small))
            .Message.ShouldBe("The package has 4 files and folders; at most 3 are accepted.");
    }

    [Fact]
    public void The_same_file_twice_is_refused() =>
        Refused(ScormPackages.Zip(("imsmanifest.xml", ScormPackages.Manifest12()), ("course/index.html", "x"), ("course//index.html", "y")))
            .ShouldBe("The file \"course/index.html\" is in the package twice.");

    private static string Refused(Stream package) =>
        Should.Throw<ScormPackageException>(() => ScormPackageReader.Read(package, Limits)).Message;
}
