package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** verify: the shipped claims pass, a wrong claim fails with exit 1, bad claims exit 3, JUnit XML is valid. */
class VerifyCommandTest {

  @TempDir
  Path tmp;

  /** The shipped claims file: samples/published/expected.csv (the working directory is the project root). */
  @Test
  void shippedClaimsAllPass() throws Exception {
    Path junit = tmp.resolve("junit.xml");
    CliRun run = CliRun.of("verify", "--junit", junit.toString(), "samples/published/expected.csv");
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("PASS"))).hasSize(15);
    // -0.908827: R 4.2.2 smd(42, -24.4, 11.6, 37, -13.9, 11.5) = -0.90882695653209389 (SummaryAnalysisTest),
    // printed to 6 decimals; [0.905, 0.915) is half a unit of the published 0.91 (ClaimCheckTest)
    assertThat(run.out()).contains("15 claims: 15 passed, 0 failed, 0 errors.",
        "|-0.908827| = 0.908827 in [0.905, 0.915) (published 0.91; Mitchell et al. 2021");
    Document doc = parse(junit);
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("15");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(15);
    assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void metaClaimsPoolTheFilesOfTheirFileCell() throws Exception {
    copySample("mapp1.csv");
    copySample("mapp2.csv");
    // -0.82820499197955344, 0.15906962350890302: metafor 3.8.1 rma(escalc("SMD"), method = "REML") of MAPP1
    // and MAPP2 (src/test/resources/meta/make_meta.out, mapp_smd_reml est, se)
    Path claims = write("claims.csv", """
        file,command,statistic,expected,compare,tolerance,source
        mapp1.csv;mapp2.csv,meta,pooled.estimate,-0.828204991979553,value,1e-9,metafor
        mapp1.csv; mapp2.csv,meta --model random --tau2 reml,pooled.se,0.159069623508903,value,1e-9,metafor
        """);
    CliRun run = CliRun.of("verify", claims.toString());
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("2 claims: 2 passed", "mapp1.csv;mapp2.csv pooled.estimate: -0.828205");
    Path summary = write("s.csv", "file,command,statistic,expected\nmapp1.csv;mapp2.csv,summary,arms[0].n,42\n");
    CliRun s = CliRun.of("verify", summary.toString());
    assertThat(s.code()).isEqualTo(ExitCode.DATA);
    assertThat(s.err()).contains("s.csv:2: file: several files (separated by ';') are for meta claims only");
    Path twice = write("t.csv", "file,command,statistic,expected\nmapp1.csv;mapp1.csv,meta,pooled.k,2\n");
    assertThat(CliRun.of("verify", twice.toString()).err()).contains("t.csv:2: file: 'mapp1.csv;mapp1.csv' has an "
        + "empty or repeated file name");
    Path plot = write("p.csv", "file,command,statistic,expected\nmapp1.csv;mapp2.csv,meta --plot forest=f.svg,pooled.k,2\n");
    CliRun p = CliRun.of("verify", plot.toString());
    assertThat(p.code()).isEqualTo(ExitCode.DATA);
    assertThat(p.err()).contains("p.csv:2:2: command: --plot is set by verify");
    Path outside = write("o.csv", "file,command,statistic,expected\nmapp1.csv;../x.csv,meta,pooled.k,2\n");
    CliRun o = CliRun.of("verify", outside.toString());
    assertThat(o.code()).isEqualTo(ExitCode.DATA);
    assertThat(o.out()).contains("data file '../x.csv' is outside the data folder");
  }

  @Test
  void aWrongClaimFailsWithExit1AndJunitCountsIt() throws Exception {
    copySample("mapp1.csv");
    Path claims = write("claims.csv", """
        file,command,statistic,expected,compare,tolerance,source
        mapp1.csv,summary,"comparisons[study=MAPP1,treatment=MDMA,control=Placebo].cohens_d.estimate",0.91,abs,,Mitchell 2021
        mapp1.csv,summary,"comparisons[study=MAPP1,treatment=MDMA,control=Placebo].cohens_d.estimate",0.95,abs,,deliberately wrong
        mapp1.csv,summary --conf-level 0.9,"arms[study=MAPP1,arm=MDMA].loss_of_diagnosis.rate",68%,value,,"wrong <&> too"
        """);
    Path junit = tmp.resolve("out/junit.xml");
    Files.createDirectories(junit.getParent());
    CliRun run = CliRun.of("verify", "--junit", junit.toString(), claims.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.VERIFICATION_FAILED);
    // -0.908827 as above (R 4.2.2); 0.666667 = 28/42 by hand (MAPP1 MDMA loss of diagnosis), 6 decimals
    assertThat(run.out().lines().toList()).hasSize(4);
    assertThat(run.out()).contains("PASS  " + claims + ":2", "FAIL  " + claims + ":3",
        "|-0.908827| = 0.908827 not in [0.945, 0.955) (published 0.95; deliberately wrong)",
        "FAIL  " + claims + ":4", "0.666667 not in [0.675, 0.685)", "3 claims: 1 passed, 2 failed, 0 errors.");
    Document doc = parse(junit);
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(2);
    assertThat(((Element) failures.item(1)).getTextContent()).contains("wrong <&> too");
    assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isEqualTo(1);
  }

  @Test
  void analyzeClaimsRunThroughTheSameCodePath() throws IOException {
    Files.copy(TestFiles.resource("oracles/mapp1_like.csv"), tmp.resolve("mapp1_like.csv"));
    // Values: R 4.2.2 reference of src/test/resources/oracles/mapp1_like.expected.json
    Path claims = write("claims.csv", """
        file,command,statistic,expected,compare,tolerance
        mapp1_like.csv,analyze --control Placebo --remission-max 11,"comparisons[treatment=MDMA,control=Placebo].cohens_d.estimate",-0.881709250476945,value,1e-9
        mapp1_like.csv,analyze --control 'Placebo',"comparisons[treatment=MDMA,control=Placebo].welch.p",0.000148620510316634,,1e-12
        mapp1_like.csv,analyze,arms[arm=Placebo].change.mean,-13.5,,
        """);
    CliRun run = CliRun.of("verify", claims.toString());
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("3 claims: 3 passed");
  }

  @Test
  void uncheckableClaimsAreErrorsWithExit3() throws Exception {
    copySample("mapp1.csv");
    Path claims = write("claims.csv", """
        file,command,statistic,expected
        mapp1.csv,summary,"comparisons[study=MAPP9].cohens_d.estimate",0.91
        missing.csv,summary,arms[0].n,42
        mapp1.csv,summary,arms[0].n,42
        """);
    Path junit = tmp.resolve("junit.xml");
    CliRun run = CliRun.of("verify", "--junit", junit.toString(), claims.toString());
    assertThat(run.code()).isEqualTo(ExitCode.DATA);
    assertThat(run.out()).contains("ERROR " + claims + ":2", "no element matching [study=MAPP9]",
        "ERROR " + claims + ":3", "file not found; expected an existing CSV file", "PASS  " + claims + ":4", "3 claims: 1 passed, 0 failed, 2 errors.");
    Element suite = (Element) parse(junit).getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("errors")).isEqualTo("2");
  }

  @Test
  void malformedClaimsFileIsExit3WithLineAndColumn() throws IOException {
    Path noColumn = write("a.csv", "file,command,expected\nx.csv,summary,1\n");
    CliRun a = CliRun.of("verify", noColumn.toString());
    assertThat(a.code()).isEqualTo(ExitCode.DATA);
    assertThat(a.err()).contains("a.csv:1: no 'statistic' column");
    Path badCommand = write("b.csv", "file,command,statistic,expected\nx.csv,mmrm --x,arms[0].n,1\n");
    CliRun b = CliRun.of("verify", badCommand.toString());
    assertThat(b.code()).isEqualTo(ExitCode.DATA);
    assertThat(b.err()).contains("b.csv:2:2: command: expected analyze, summary or meta");
    Path badExpected = write("c.csv", "file,command,statistic,expected\nx.csv,summary,arms[0].n,about 42\n");
    assertThat(CliRun.of("verify", badExpected.toString()).err()).contains("c.csv:2:4: expected: not a published number");
    Path format = write("d.csv", "file,command,statistic,expected\nx.csv,summary --format csv,arms[0].n,42\n");
    assertThat(CliRun.of("verify", format.toString()).err()).contains("d.csv:2:2: command: --format is set by verify");
    Path quote = write("e.csv", "file,command,statistic,expected\nx.csv,summary --control 'Plac,arms[0].n,42\n");
    assertThat(CliRun.of("verify", quote.toString()).err()).contains("e.csv:2:2: command: unclosed single quote");
  }

  private void copySample(String name) throws IOException {
    Files.copy(Path.of("samples/published/studies", name), tmp.resolve(name));
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static Document parse(Path xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(xml.toFile());
  }
}
