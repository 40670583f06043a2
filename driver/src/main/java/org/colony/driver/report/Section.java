package org.colony.driver.report;

/**
 * One section of the day's page: its anchor, its title, and its body, or why it has none (the
 * job did not run that day, or wrote nothing for it).
 */
record Section(String id, String title, String body, String missing) {

  static Section of(String id, String title, String body) {
    return new Section(id, title, body, null);
  }

  static Section missing(String id, String title, String why) {
    return new Section(id, title, null, why);
  }

  boolean present() {
    return body != null;
  }
}
