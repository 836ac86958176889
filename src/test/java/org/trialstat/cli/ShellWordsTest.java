package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Shell-like splitting of the claims file's command column (POSIX sh quoting rules, no expansion). */
class ShellWordsTest {

  @Test
  void splitsLikeAShell() {
    assertThat(ShellWords.split("  summary   --control Placebo ")).containsExactly("summary", "--control", "Placebo");
    assertThat(ShellWords.split("analyze --control '40 mg' --x \"a \\\"b\\\" c\" d\\ e")).containsExactly(
        "analyze", "--control", "40 mg", "--x", "a \"b\" c", "d e");
    assertThat(ShellWords.split("a''b \"\"")).containsExactly("ab", "");
    assertThat(ShellWords.split("")).isEmpty();
  }

  @Test
  void unclosedQuotesAreErrors() {
    assertThatThrownBy(() -> ShellWords.split("a 'b")).hasMessageContaining("single quote");
    assertThatThrownBy(() -> ShellWords.split("a \"b")).hasMessageContaining("double quote");
    assertThatThrownBy(() -> ShellWords.split("a \\")).hasMessageContaining("backslash");
  }
}
