package org.colony.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.colony.conf.ConfigKey;
import org.colony.io.InputKeys;
import org.colony.io.uploads.UploadKeys;
import org.colony.io.syslog.SyslogKeys;
import org.colony.io.events.EventKeys;
import org.colony.jobs.JobSpec;
import org.colony.jobs.common.JobKeys;
import org.colony.testing.Paths;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** conf/colony-default.xml documents every key the code reads, with the code's default. */
class ConfigDocumentationTest {
  private static final Pattern KEY_LITERAL = Pattern.compile("\"(colony\\.[a-z0-9.-]+[a-z0-9])\"");
  private static final Pattern KEY_REFERENCE = Pattern.compile("\\$\\{(colony\\.[a-z0-9.-]+)}");

  static Map<String, String[]> documented() throws Exception {
    Path xml = Paths.root().resolve("conf/colony-default.xml");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    Map<String, String[]> m = new HashMap<>();
    NodeList props = doc.getElementsByTagName("property");
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      String name = text(p, "name");
      assertThat(m.put(name, new String[] {text(p, "value"), text(p, "description")}))
          .as("%s documented once", name).isNull();
    }
    return m;
  }

  private static String text(Element p, String tag) {
    NodeList l = p.getElementsByTagName(tag);
    return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
  }

  static List<ConfigKey> declaredKeys() {
    List<ConfigKey> keys = new ArrayList<>();
    keys.addAll(InputKeys.all());
    keys.addAll(UploadKeys.all());
    keys.addAll(SyslogKeys.all());
    keys.addAll(EventKeys.all());
    keys.addAll(JobKeys.all());
    keys.addAll(ColonyKeys.all());
    for (JobSpec spec : JobRegistry.all()) {
      keys.addAll(spec.keys());
    }
    return keys;
  }

  @Test
  void everyDeclaredKeyIsDocumentedWithItsDefault() throws Exception {
    Map<String, String[]> doc = documented();
    for (ConfigKey k : declaredKeys()) {
      assertThat(doc).as("conf/colony-default.xml documents %s", k.name()).containsKey(k.name());
      assertThat(doc.get(k.name())[0]).as("default of %s", k.name()).isEqualTo(k.defaultValue());
      assertThat(doc.get(k.name())[1]).as("description of %s", k.name()).isNotBlank();
    }
  }

  @Test
  void everyKeyNamedInSourceOrConfIsDocumented() throws Exception {
    Set<String> named = new TreeSet<>();
    Path root = Paths.root();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(f).toString();
        boolean source = rel.matches("[a-z-]+/src/main/java/.*\\.java");
        boolean conf = rel.startsWith("conf/") && !rel.equals("conf/colony-default.xml")
            && rel.endsWith(".xml");
        if (source || conf) {
          collect(Files.readString(f), source ? KEY_LITERAL : KEY_REFERENCE, named);
        }
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(documented().keySet()).containsAll(named);
  }

  @Test
  void nothingDocumentedIsUnused() throws Exception {
    Set<String> declared = new TreeSet<>();
    declaredKeys().forEach(k -> declared.add(k.name()));
    declared.add("colony.local.dir"); // a system property of bin/colony, read by conf/local
    declared.add(StagedOutput.HALT_PROPERTY); // a system property, for fault tests
    assertThat(declared).containsAll(documented().keySet());
  }

  private static void collect(String text, Pattern p, Set<String> into) throws IOException {
    Matcher m = p.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }
}
