package org.colony.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many reducers a run gets and why, step by step, in words and numbers: printed before
 * submission ({@code --explain} prints it and stops), written to the manifest and the run report.
 */
public final class SizingDecision {
  private int reducers;
  private String rule;
  private final List<String> steps = new ArrayList<>();
  private final Map<String, Object> numbers = new LinkedHashMap<>();

  public SizingDecision(int reducers, String rule) {
    this.reducers = reducers;
    this.rule = rule;
  }

  public int reducers() {
    return reducers;
  }

  /** explicit (--reducers N), estimate, or map-only. */
  public String rule() {
    return rule;
  }

  public SizingDecision reducers(int n, String why) {
    this.reducers = n;
    this.rule = why;
    return this;
  }

  /** Adds a line to the explanation. */
  public SizingDecision step(String line) {
    steps.add(line);
    return this;
  }

  /** Records a number (or structure) of the decision, for the manifest and the history. */
  public SizingDecision put(String name, Object value) {
    numbers.put(name, value);
    return this;
  }

  public Object get(String name) {
    return numbers.get(name);
  }

  public long getLong(String name) {
    Object v = numbers.get(name);
    return v instanceof Number n ? n.longValue() : -1;
  }

  public List<String> steps() {
    return steps;
  }

  /** The decision as the manifest and the run report hold it. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", reducers);
    m.put("rule", rule);
    m.putAll(numbers);
    m.put("steps", steps);
    return m;
  }

  /** The explanation, one step a line. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      sb.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return reducers + " (" + rule + ")";
  }
}
