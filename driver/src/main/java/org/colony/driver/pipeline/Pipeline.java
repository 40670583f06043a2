package org.colony.driver.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.colony.driver.JobRegistry;
import org.colony.driver.UsageException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A pipeline definition (conf/pipelines/daily.xml): the jobs of one period's run, each with its
 * input and output templates and the jobs it depends on, in an order where every job comes after
 * its dependencies.
 *
 * <pre>
 * &lt;pipeline name="daily"&gt;
 *   &lt;job id="access-stats" source="access"/&gt;
 *   &lt;job id="uv-week" job="uv-rollup" depends="access-stats"
 *        input="${reports}/access-stats/dt=${last7}" options="--period week"/&gt;
 * &lt;/pipeline&gt;
 * </pre>
 *
 * Attributes: {@code id} (unique; the output folder's name), {@code job} (a registered job; default
 * the id), {@code source} (the input under the logs root), {@code input} and {@code output}
 * (templates; defaults {@code ${logs}/${source}/dt=${date}[/hr=${hour}]} and
 * {@code ${reports}/${id}/dt=${date}[/hr=${hour}]}), {@code depends} (ids, comma-separated),
 * {@code options} (the job's own options, space-separated), {@code optional="true"} (skip the job,
 * instead of refusing the run, when its input is not there).
 */
public final class Pipeline {
  /** One job of a pipeline. */
  public record Step(String id, String job, String source, String input, String output,
      List<String> depends, List<String> options, boolean optional) {

    /** Whether the input is read from the logs (to be checked for readiness), not a report. */
    public boolean readsLogs() {
      return input.contains("${logs}");
    }

    /**
     * Whether the input is the upload store: ready when it exists (a live store has no
     * done-flag).
     */
    public boolean readsUploads() {
      return input.contains("${uploads}");
    }
  }

  private final String name;
  private final List<Step> steps;

  private Pipeline(String name, List<Step> steps) {
    this.name = name;
    this.steps = steps;
  }

  public String name() {
    return name;
  }

  /** The steps, each after the steps it depends on. */
  public List<Step> steps() {
    return steps;
  }

  /** Reads and checks a definition; {@code hourly} switches the default templates to hours. */
  public static Pipeline read(InputStream in, String where, boolean hourly)
      throws IOException, UsageException {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new UsageException("pipeline " + where + " is not well-formed XML: " + e.getMessage());
    }
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("pipeline")) {
      throw new UsageException("pipeline " + where + ": the root element must be <pipeline>");
    }
    String suffix = hourly ? "/dt=${date}/hr=${hour}" : "/dt=${date}";
    Map<String, Step> byId = new LinkedHashMap<>();
    NodeList jobs = root.getElementsByTagName("job");
    for (int i = 0; i < jobs.getLength(); i++) {
      Element e = (Element) jobs.item(i);
      String id = attr(e, "id", null);
      if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
        throw new UsageException("pipeline " + where + ": job " + (i + 1)
            + " needs an id of lower-case letters, digits and '-'");
      }
      String job = attr(e, "job", id);
      if (JobRegistry.find(job).isEmpty()) {
        throw new UsageException("pipeline " + where + ": job '" + id + "' names unknown job '"
            + job + "' (see colony list)");
      }
      String source = attr(e, "source", null);
      String input = attr(e, "input", source == null ? null : "${logs}/" + source + suffix);
      if (input == null) {
        throw new UsageException("pipeline " + where + ": job '" + id
            + "' needs a source or an input");
      }
      String output = attr(e, "output", "${reports}/" + id + suffix);
      List<String> depends = split(attr(e, "depends", ""), ",");
      List<String> options = split(attr(e, "options", ""), " ");
      boolean optional = Boolean.parseBoolean(attr(e, "optional", "false"));
      if (byId.put(id, new Step(id, job, source, input, output, depends, options, optional))
          != null) {
        throw new UsageException("pipeline " + where + ": two jobs have the id '" + id + "'");
      }
    }
    if (byId.isEmpty()) {
      throw new UsageException("pipeline " + where + " has no <job>");
    }
    return new Pipeline(attr(root, "name", where), order(byId, where));
  }

  /** Dependencies first (depth-first, keeping the file's order otherwise); cycles refused. */
  private static List<Step> order(Map<String, Step> byId, String where) throws UsageException {
    List<Step> ordered = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
    for (String id : byId.keySet()) {
      visit(id, byId, state, ordered, where, new ArrayList<>());
    }
    return ordered;
  }

  private static void visit(String id, Map<String, Step> byId, Map<String, Integer> state,
      List<Step> ordered, String where, List<String> path) throws UsageException {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return;
    }
    path.add(id);
    if (s != null) {
      throw new UsageException("pipeline " + where + ": dependency cycle " + path);
    }
    Step step = byId.get(id);
    if (step == null) {
      throw new UsageException("pipeline " + where + ": '" + path.get(path.size() - 2)
          + "' depends on unknown job '" + id + "'");
    }
    state.put(id, 1);
    for (String d : step.depends()) {
      visit(d, byId, state, ordered, where, new ArrayList<>(path));
    }
    state.put(id, 2);
    ordered.add(step);
  }

  private static String attr(Element e, String name, String dflt) {
    String v = e.getAttribute(name).trim();
    return v.isEmpty() ? dflt : v;
  }

  private static List<String> split(String s, String sep) {
    List<String> l = new ArrayList<>();
    Arrays.stream(s.split(sep)).map(String::trim).filter(x -> !x.isEmpty()).forEach(l::add);
    return l;
  }
}
