package org.colony.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.colony.testing.Paths;
import org.colony.testing.TsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tika inside the job jar: relocated with its media type database, and detecting types when the
 * jar runs through Hadoop's launcher (RunJar) with only Hadoop's jars beside it.
 */
class UploadsJobJarTest {
  @TempDir
  Path tmp;

  @Test
  void tikaIsRelocatedWithItsMimeTypesAndServices() throws Exception {
    try (JarFile jar = new JarFile(JobJarTest.jobJar().toFile())) {
      List<String> names = jar.stream().map(JarEntry::getName).toList();
      assertThat(names).contains("org/colony/shaded/tika/mime/MimeTypes.class",
          "org/colony/shaded/tika/mime/tika-mimetypes.xml",
          "META-INF/services/org.colony.shaded.tika.metadata.filter.MetadataFilter");
      assertThat(names).noneMatch(n -> n.startsWith("org/apache/tika/"));
    }
    assertThat(Paths.root().resolve("driver/target/lib").toFile().list())
        .noneMatch(n -> n.startsWith("tika"));
  }

  @Test
  void inventoryThroughRunJarDetectsTypesFromTheShadedJar() throws Exception {
    Path out = tmp.resolve("out");
    String cp = Paths.root().resolve("conf/local") + File.pathSeparator
        + Paths.root().resolve("driver/target/lib") + File.separator + "*";
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Dcolony.local.dir=" + tmp.resolve("local"), "-cp", cp,
        "org.apache.hadoop.util.RunJar", JobJarTest.jobJar().toString(), "uploads-inventory",
        "-D", "colony.input.combine=true", "--input", Paths.sampleData("uploads").toString(),
        "--output", out.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    List<String> types = new ArrayList<>();
    for (String row : TsvFiles.rows(out.resolve("files"), "path\towner\tsize\tmtime\tsha256"
        + "\tmedia_type\textension_type\textension_mismatch")) {
      String[] c = row.split("\t", -1);
      types.add(c[0] + "\t" + c[5] + "\t" + c[6] + "\t" + c[7]);
    }
    List<String> want = new ArrayList<>();
    for (String row : TsvFiles.fileRows(Paths.sampleData("expected/uploads-inventory/files.tsv"),
        "path\towner\tsize\tsha256\tmedia_type\textension_type\textension_mismatch")) {
      String[] c = row.split("\t", -1);
      want.add(c[0] + "\t" + c[4] + "\t" + c[5] + "\t" + c[6]);
    }
    assertThat(types).containsExactlyInAnyOrderElementsOf(want);
  }
}
