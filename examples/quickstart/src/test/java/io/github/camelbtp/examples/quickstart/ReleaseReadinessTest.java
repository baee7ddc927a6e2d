package io.github.camelbtp.examples.quickstart;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application and a release need from the build, read from the repository's poms and files: the BOM pins every
 * published module and nothing else, the release profile is off by default and makes what Maven Central requires, and
 * the license, notice and changelog are where users look for them. Lives in the quickstart because it is the module
 * that uses the project the way an application does.
 */
class ReleaseReadinessTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void bomPinsEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Document root = pom(ROOT.resolve("pom.xml"));
        Document bom = pom(ROOT.resolve("camel-btp-bom/pom.xml"));
        List<String> pinned = new ArrayList<>();
        for (Element dependency : children(child(child(bom.getDocumentElement(), "dependencyManagement"),
                "dependencies"), "dependency")) {
            assertThat(text(dependency, "groupId")).isEqualTo("io.github.camelbtp");
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            if (child(dependency, "classifier") == null) { // the standalone sandbox jar pins no module
                pinned.add(text(dependency, "artifactId"));
            }
        }

        List<String> published = new ArrayList<>();
        for (Element module : children(child(root.getDocumentElement(), "modules"), "module")) {
            String path = module.getTextContent().trim();
            if (path.startsWith("examples/") || path.equals("benchmarks") || path.equals("camel-btp-bom")) {
                continue; // not published: see the release profile's excludeArtifacts
            }
            published.add(text(pom(ROOT.resolve(path).resolve("pom.xml")).getDocumentElement(), "artifactId"));
        }
        assertThat(published).contains("camel-btp-destination", "camel-btp-sandbox");
        assertThat(pinned).containsAll(published);
        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(text(root.getDocumentElement(), "version"));
    }

    @Test
    void bomHasNoParentSoImportingItPinsOnlyCamelBtp() throws Exception {
        Element bom = pom(ROOT.resolve("camel-btp-bom/pom.xml")).getDocumentElement();

        assertThat(child(bom, "parent")).isNull();
        assertThat(text(bom, "packaging")).isEqualTo("pom");
        assertThat(text(bom, "groupId")).isEqualTo("io.github.camelbtp");
    }

    @Test
    void releaseProfileIsOffByDefaultAndSignsSourcesAndJavadoc() throws Exception {
        Element release = null;
        for (Element profile : children(child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "profiles"),
                "profile")) {
            if ("release".equals(text(profile, "id"))) {
                release = profile;
            }
        }
        assertThat(release).as("a 'release' profile in the root pom").isNotNull();
        assertThat(child(release, "activation")).as("never active by default").isNull();
        List<String> plugins = new ArrayList<>();
        for (Element plugin : children(child(child(release, "build"), "plugins"), "plugin")) {
            plugins.add(text(plugin, "artifactId"));
        }
        assertThat(plugins).contains("maven-source-plugin", "maven-javadoc-plugin", "maven-gpg-plugin",
                "central-publishing-maven-plugin");
    }

    @Test
    void licenseNoticeAndChangelogAreAtTheRoot() throws Exception {
        Element root = pom(ROOT.resolve("pom.xml")).getDocumentElement();
        String license = Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8);
        String version = text(root, "version").replace("-SNAPSHOT", "");

        assertThat(license).contains("Apache License", "Version 2.0, January 2004");
        assertThat(text(child(child(root, "licenses"), "license"), "name")).isEqualTo("Apache License, Version 2.0");
        assertThat(ROOT.resolve("NOTICE")).isRegularFile();
        assertThat(Files.readString(ROOT.resolve("CHANGELOG.md"), StandardCharsets.UTF_8))
                .contains("## [" + version + "]");
        assertThat(child(root, "scm")).isNotNull();
        assertThat(child(root, "developers")).isNotNull();
    }

    private static Document pom(Path file) throws Exception {
        assertThat(file).isRegularFile();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        assertThat(parent).as("<%s>'s parent element", name).isNotNull();
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
