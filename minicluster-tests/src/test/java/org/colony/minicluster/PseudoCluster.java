package org.colony.minicluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.colony.testing.Paths;

/**
 * A real pseudo-distributed Hadoop, started and stopped with bin/pseudo-cluster in a folder of
 * its own, and its clients (hadoop, hdfs, yarn, bin/colony) run as users run them: each in its own
 * process, with the environment {@code bin/pseudo-cluster env} prints.
 *
 * <p>The cluster stops with {@link #close()}, with a shutdown hook if the JVM is terminated first,
 * and, if the JVM is killed, by the watchdog {@code start --stop-when-gone} leaves.
 */
final class PseudoCluster implements AutoCloseable {

  /** What a command did: its exit code, its output (stdout and stderr) and its wall time. */
  record Run(int exit, String output, long millis) {
    Run expect(int code, String what) {
      if (exit != code) {
        throw new AssertionError(what + ": exit " + exit + ", expected " + code + "\n" + output);
      }
      return this;
    }
  }

  private final Path home;
  private final Path logs;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Thread stopHook;
  private int commands;
  private Configuration conf;
  private FileSystem fs;
  private YarnClient yarn;
  /** Wall time of start and of stop, in milliseconds. */
  long startMillis = -1;
  long stopMillis = -1;

  private PseudoCluster(Path home, Path logs) {
    this.home = home;
    this.logs = logs;
    env.put("COLONY_PSEUDO_HOME", home.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // the cluster's jars from this build's local repository, with the caller's Maven arguments
    String repo = System.getProperty("pseudo.maven.repo.local", "");
    if (!repo.isBlank()) {
      env.put("COLONY_PSEUDO_MVN_ARGS", (System.getenv().getOrDefault("COLONY_PSEUDO_MVN_ARGS",
          "") + " -Dmaven.repo.local=" + repo).trim());
    }
    // RunJar unpacks the job jar under java.io.tmpdir: keep that in this build
    env.put("HADOOP_CLIENT_OPTS", "-Djava.io.tmpdir=" + logs.resolve("tmp"));
    stopHook = new Thread(this::stopQuietly, "pseudo-cluster-stop");
  }

  /**
   * Starts a cluster on empty HDFS in {@code home} (its jars laid out on first use), stopping
   * first whatever an earlier, killed run left running there.
   */
  static PseudoCluster start(Path home, Path logs, int portBase, int datanodes) throws Exception {
    Files.createDirectories(logs.resolve("tmp"));
    PseudoCluster c = new PseudoCluster(home, logs);
    c.script(Duration.ofMinutes(2), "stop");
    Runtime.getRuntime().addShutdownHook(c.stopHook);
    long t0 = System.nanoTime();
    Run r = c.script(Duration.ofMinutes(15), "start", "--fresh", "--datanodes",
        String.valueOf(datanodes), "--port-base", String.valueOf(portBase), "--stop-when-gone",
        String.valueOf(ProcessHandle.current().pid()));
    c.startMillis = (System.nanoTime() - t0) / 1_000_000;
    if (r.exit() != 0) {
      c.close();
      throw new AssertionError("bin/pseudo-cluster start failed (exit " + r.exit() + "):\n"
          + r.output());
    }
    return c;
  }

  Path home() {
    return home;
  }

  /** bin/pseudo-cluster ARGS. */
  Run script(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.root().resolve("bin/pseudo-cluster").toString());
    cmd.addAll(List.of(args));
    return run("pseudo-cluster-" + args[0], Map.of(), timeout, cmd);
  }

  /**
   * A client command (hadoop, hdfs, yarn, bin/colony, ...) in a shell that evaluated
   * {@code bin/pseudo-cluster env}, with {@code extraEnv} added.
   */
  Run client(String name, Map<String, String> extraEnv, Duration timeout, String... cmd)
      throws IOException, InterruptedException {
    return run(name, extraEnv, timeout, clientCommand(cmd));
  }

  /** Starts a client command without waiting; its output goes to {@link #log(String)}. */
  Process clientAsync(String name, Map<String, String> extraEnv, String... cmd)
      throws IOException {
    return builder(name, extraEnv, clientCommand(cmd)).start();
  }

  /** Where the output of the command named {@code name} goes. */
  Path log(String name) {
    return logs.resolve(name + ".log");
  }

  private List<String> clientCommand(String... cmd) {
    List<String> c = new ArrayList<>(List.of("bash", "-c",
        "eval \"$(\"$0\" env)\" && exec \"$@\"",
        Paths.root().resolve("bin/pseudo-cluster").toString()));
    c.addAll(List.of(cmd));
    return c;
  }

  private ProcessBuilder builder(String name, Map<String, String> extraEnv, List<String> cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(log(name).toFile());
    pb.environment().putAll(env);
    pb.environment().putAll(extraEnv);
    return pb;
  }

  private Run run(String name, Map<String, String> extraEnv, Duration timeout, List<String> cmd)
      throws IOException, InterruptedException {
    String logName = String.format("%02d-%s", ++commands, name);
    long t0 = System.nanoTime();
    Process p = builder(logName, extraEnv, cmd).start();
    return finish(logName, p, timeout, t0);
  }

  /** Waits for a process started by {@link #clientAsync}; kills it after {@code timeout}. */
  Run finish(String name, Process p, Duration timeout, long startedNanos)
      throws IOException, InterruptedException {
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError(name + " did not end within " + timeout + ":\n"
          + Files.readString(log(name), StandardCharsets.UTF_8));
    }
    return new Run(p.exitValue(), Files.readString(log(name), StandardCharsets.UTF_8),
        (System.nanoTime() - startedNanos) / 1_000_000);
  }

  /** A client configuration: the site files the cluster wrote. */
  Configuration conf() {
    if (conf == null) {
      Configuration c = new Configuration();
      for (String f : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml",
          "mapred-site.xml")) {
        c.addResource(new org.apache.hadoop.fs.Path(home.resolve("etc/hadoop/" + f).toUri()));
      }
      conf = c;
    }
    return new Configuration(conf);
  }

  FileSystem fs() throws IOException {
    if (fs == null) {
      fs = FileSystem.newInstance(conf());
    }
    return fs;
  }

  /** A client of the cluster's ResourceManager. */
  YarnClient yarn() {
    if (yarn == null) {
      YarnClient y = YarnClient.createYarnClient();
      y.init(conf());
      y.start();
      yarn = y;
    }
    return yarn;
  }

  /** The process of a daemon (namenode, datanode-2, nodemanager, ...), from its pid file. */
  ProcessHandle daemon(String name) throws IOException {
    long pid = Long.parseLong(Files.readString(home.resolve("run/" + name + ".pid")).trim());
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
  }

  /** Stops the cluster; the stop's wall time is kept in {@link #stopMillis}. */
  @Override
  public void close() throws IOException {
    try {
      if (yarn != null) {
        yarn.close();
      }
      if (fs != null) {
        fs.close();
      }
    } finally {
      try {
        long t0 = System.nanoTime();
        Run r = script(Duration.ofMinutes(3), "stop");
        stopMillis = (System.nanoTime() - t0) / 1_000_000;
        if (r.exit() != 0) {
          throw new AssertionError("bin/pseudo-cluster stop failed:\n" + r.output());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(stopHook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down: the hook runs
        }
      }
    }
  }

  private void stopQuietly() {
    try {
      script(Duration.ofMinutes(2), "stop");
    } catch (Exception e) {
      // the watchdog of start --stop-when-gone stops it when this JVM is gone
    }
  }
}
