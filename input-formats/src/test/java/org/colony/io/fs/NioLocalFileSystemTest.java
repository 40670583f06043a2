package org.colony.io.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java.nio file status says what Hadoop's own (ls-based) one says. */
class NioLocalFileSystemTest {
  @TempDir
  Path dir;

  @Test
  void statusAgreesWithHadoopsLocalFileSystem() throws Exception {
    Files.writeString(dir.resolve("a.log"), "hello");
    Files.createDirectories(dir.resolve("sub"));
    Files.setPosixFilePermissions(dir.resolve("a.log"), PosixFilePermissions.fromString("rw-r-----"));
    Files.setPosixFilePermissions(dir.resolve("sub"), PosixFilePermissions.fromString("rwxr-x--x"));
    Configuration conf = new Configuration();
    NioLocalFileSystem.Raw nio = new NioLocalFileSystem.Raw();
    nio.initialize(java.net.URI.create("file:///"), conf);
    RawLocalFileSystem hadoop = new RawLocalFileSystem();
    hadoop.initialize(java.net.URI.create("file:///"), conf);
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir.toUri());
    FileStatus[] ours = nio.listStatus(p);
    FileStatus[] theirs = hadoop.listStatus(p);
    assertThat(ours).hasSize(2);
    java.util.Arrays.sort(ours);
    java.util.Arrays.sort(theirs);
    for (int i = 0; i < ours.length; i++) {
      assertThat(ours[i].getPath()).isEqualTo(theirs[i].getPath());
      assertThat(ours[i].getLen()).isEqualTo(theirs[i].getLen());
      assertThat(ours[i].isDirectory()).isEqualTo(theirs[i].isDirectory());
      assertThat(ours[i].getModificationTime()).isEqualTo(theirs[i].getModificationTime());
      assertThat(ours[i].getPermission()).isEqualTo(theirs[i].getPermission());
      assertThat(ours[i].getOwner()).isEqualTo(theirs[i].getOwner());
      assertThat(ours[i].getGroup()).isEqualTo(theirs[i].getGroup());
    }
    assertThat(nio.getFileStatus(new org.apache.hadoop.fs.Path(dir.resolve("a.log").toUri()))
        .getPermission().toString()).isEqualTo("rw-r-----");
  }
}
