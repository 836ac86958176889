package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.report.JsonPath;

/**
 * {@code trialstat mmrm} on R mmrm's {@code bcva_data} (read at ../shared/mmrm_bcva, skipped when absent)
 * against R's mmrm itself: mmrm 0.3.18 with TMB 1.9.2 and emmeans 1.8.4.1 on R 4.2.2, {@code BCVA_CHG ~
 * BCVA_BL + ARMCD * AVISIT + us(AVISIT | USUBJID)}, REML, LS means and TRT - CTL per visit with
 * Satterthwaite df, and with Kenward-Roger df and SEs ({@code vcov = "Kenward-Roger-Linear"}, the
 * parametrisation SAS DDFM=KR uses; docs/methods.md). Script and printed output:
 * src/test/resources/mmrm/r/bcva_mmrm.R and bcva_mmrm.out.
 *
 * <p>Tolerances: issue 18 asks for estimates identical to mmrm's to 1e-6 relative (the largest difference
 * is 9.2e-7). mmrm stops 8.4e-6 above the optimum found here in -2 REML log-likelihood (32964.1901886
 * against 32964.1901802; nlme's gls, MmrmCommandBcvaTest, reaches 32964.1901803), so its SEs differ by up
 * to 1.9e-5 and its df by up to 3.5e-5 relative: tolerances 5e-5 (SE) and 1e-4 (df) relative.
 */
class MmrmCommandBcvaMmrmTest {
  private static final Map<String, Object> JSON = new HashMap<>();

  @BeforeAll
  static void fit() throws IOException {
    for (String ddf : new String[] {"satterthwaite", "kenward-roger"}) {
      JSON.put(ddf, MmrmCommandBcvaTest.fitJson("--ddf", ddf));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"satterthwaite", "kenward-roger"})
  void minus2RemlLogLikAtOrBelowMmrms(String ddf) {
    double m2 = JsonPath.number(JSON.get(ddf), "fit.minus2_reml_loglik");
    // bcva_mmrm.out: 32964.1901886286 for both fits; ours is 8.4e-6 lower (a tighter optimum): tol 1e-5
    assertThat(m2).isCloseTo(32964.1901886286, within(1e-5)).isLessThanOrEqualTo(32964.1901886286);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      "satterthwaite; lsmeans[arm=CTL,visit=VIS01]; 5.31793537544; 0.0581118964648; 998.655784193",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS01]; 5.86025652153; 0.0571992601408; 991.738971655",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS02]; 5.59373477310; 0.0668595245632; 985.510514162",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS02]; 6.32617343018; 0.0657489084400; 981.480804098",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS03]; 5.77287290678; 0.0760513952666; 980.547306963",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS03]; 6.78797342496; 0.0748071709553; 975.388703420",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS04]; 6.17405686944; 0.0818313216334; 985.857390684",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS04]; 7.27954046091; 0.0798912294171; 968.727245203",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS05]; 6.27801551897; 0.0904307857544; 967.361725115",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS05]; 7.66581243456; 0.0889732614927; 962.363846043",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS06]; 6.64909946587; 0.0940166586911; 960.506636112",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS06]; 8.28098922686; 0.0904777923246; 926.923624483",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS07]; 6.74271204888; 0.1045460989653; 861.399018483",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS07]; 8.76088219019; 0.1000008262309; 852.447119675",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS08]; 7.03979991472; 0.1142898198188; 842.464820875",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS08]; 9.38843875357; 0.1081491523782; 830.368189331",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS09]; 7.31706827655; 0.1303077417714; 770.681488905",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS09]; 9.98669322419; 0.1199760106649; 760.787823459",
      "satterthwaite; lsmeans[arm=CTL,visit=VIS10]; 7.43199520166; 0.1390960524197; 700.343528240",
      "satterthwaite; lsmeans[arm=TRT,visit=VIS10]; 10.50257725888; 0.1287418990225; 690.249044858",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS01]; 0.542321146090; 0.0815480963396; 995.393861914",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS02]; 0.732438657089; 0.0937797695151; 983.765539931",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS03]; 1.015100518180; 0.1066827856055; 978.156451605",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS04]; 1.105483591474; 0.1143693647144; 977.692818886",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS05]; 1.387796915593; 0.1268670514526; 965.026232042",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS06]; 1.631889760990; 0.1304859280147; 944.780843871",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS07]; 2.018170141310; 0.1446822358159; 857.661512286",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS08]; 2.348638838844; 0.1573529850867; 837.198956754",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS09]; 2.669624947635; 0.1771356244270; 766.905132155",
      "satterthwaite; comparisons[treatment=TRT,control=CTL,visit=VIS10]; 3.070582057218; 0.1895368621844; 696.421384134",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS01]; 5.31793537544; 0.0581182268243; 998.655784193",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS01]; 5.86025652153; 0.0572025033753; 991.738971655",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS02]; 5.59373477310; 0.0668712502170; 985.510514162",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS02]; 6.32617343018; 0.0657557461478; 981.480804098",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS03]; 5.77287290678; 0.0760739537860; 980.547306963",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS03]; 6.78797342496; 0.0748254587512; 975.388703420",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS04]; 6.17405686944; 0.0818634034965; 985.857390685",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS04]; 7.27954046091; 0.0799080081313; 968.727245203",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS05]; 6.27801551897; 0.0904754230750; 967.361725115",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS05]; 7.66581243456; 0.0890125624684; 962.363846043",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS06]; 6.64909946587; 0.0941134263343; 960.506636112",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS06]; 8.28098922686; 0.0905304082941; 926.923624483",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS07]; 6.74271204888; 0.1047548063660; 861.399018483",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS07]; 8.76088219019; 0.1001550849895; 852.447119674",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS08]; 7.03979991472; 0.1145586072559; 842.464820875",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS08]; 9.38843875357; 0.1083333072264; 830.368189331",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS09]; 7.31706827655; 0.1307875442017; 770.681488905",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS09]; 9.98669322419; 0.1202839382299; 760.787823459",
      "kenward-roger; lsmeans[arm=CTL,visit=VIS10]; 7.43199520166; 0.1398346000150; 700.343528240",
      "kenward-roger; lsmeans[arm=TRT,visit=VIS10]; 10.50257725888; 0.1292940939371; 690.249044858",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS01]; 0.542321146090; 0.0815550312283; 995.393861914",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS02]; 0.732438657089; 0.0937930743745; 983.765539931",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS03]; 1.015100518180; 0.1067117991765; 978.156451605",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS04]; 1.105483591474; 0.1144041492666; 977.692818886",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS05]; 1.387796915593; 0.1269265257039; 965.026232042",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS06]; 1.631889760990; 0.1305922270413; 944.780843871",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS07]; 2.018170141310; 0.1449398340773; 857.661512286",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS08]; 2.348638838844; 0.1576748709603; 837.198956754",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS09]; 2.669624947635; 0.1776973942907; 766.905132155",
      "kenward-roger; comparisons[treatment=TRT,control=CTL,visit=VIS10]; 3.070582057218; 0.1904541139534; 696.421384134"
  })
  void asRsMmrmAndEmmeans(String ddf, String entry, double estimate, double se, double df) {
    Object json = JSON.get(ddf);
    // bcva_mmrm.out: estimate tol 1e-6, SE 5e-5, df 1e-4 relative (see class comment)
    assertThat(JsonPath.number(json, entry + ".estimate")).isCloseTo(estimate, within(1e-6 * Math.abs(estimate)));
    assertThat(JsonPath.number(json, entry + ".se")).isCloseTo(se, within(5e-5 * se));
    assertThat(JsonPath.number(json, entry + ".df")).isCloseTo(df, within(1e-4 * df));
  }
}
