package io.kommander.supportbot.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kommander.supportbot.TestCatalogs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's own rules, checked on records built directly (the loader adds file and line). */
class CatalogRulesTest {
  static final Catalog SHIPPED = TestCatalogs.april();

  static ReleaseLine line(String version, Product product, String released, Patch... patches) {
    return new ReleaseLine(
        Minor.parse(version),
        null,
        product,
        ReleaseStatus.RELEASED,
        LocalDate.parse(released),
        null,
        null,
        null,
        null,
        null,
        List.of(patches),
        "test",
        null);
  }

  static Patch patch(String version, String date) {
    return new Patch(Version.parse(version), date == null ? null : LocalDate.parse(date));
  }

  static Catalog with(List<ReleaseLine> lines, List<UpgradeHop> upgrades) {
    return new Catalog(
        SHIPPED.settings(),
        SHIPPED.review(),
        SHIPPED.eras(),
        SHIPPED.neverReleased(),
        lines,
        upgrades,
        SHIPPED.experimental(),
        SHIPPED.secondary(),
        "test");
  }

  static Catalog withEras(List<Era> eras) {
    return new Catalog(
        SHIPPED.settings(),
        SHIPPED.review(),
        eras,
        SHIPPED.neverReleased(),
        SHIPPED.lines(),
        List.of(),
        SHIPPED.experimental(),
        SHIPPED.secondary(),
        "t");
  }

  @Test
  void aPlatformLineHasOneVersionForBothProductsAndNoKonvoyName() {
    ReleaseLine nkp = line("2.20", Product.NKP, "2027-06-01");
    assertThat(nkp.konvoy()).isEqualTo(nkp.kommander());
    assertThat(nkp.confidence()).isEqualTo(Confidence.EXACT);
    assertThat(nkp.label()).isEqualTo("NKP 2.20");
    assertThatThrownBy(() -> line("2.20", Product.KONVOY, "2027-06-01"))
        .hasMessageContaining("product must be kommander, dkp or nkp");
    assertThatThrownBy(
            () ->
                new ReleaseLine(
                    Minor.parse("2.20"),
                    Minor.parse("2.21"),
                    Product.NKP,
                    ReleaseStatus.RELEASED,
                    LocalDate.parse("2027-06-01"),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("konvoy must equal kommander on a NKP line");
  }

  @Test
  void patchesAreSortedCheckedAgainstTheLineAndNotListedTwice() {
    ReleaseLine l =
        line(
            "2.20",
            Product.NKP,
            "2027-06-01",
            patch("2.20.2", "2027-08-01"),
            patch("2.20.0", "2027-06-01"),
            patch("2.20.10", "2027-12-01"));
    assertThat(l.patches())
        .extracting(p -> p.version().toString())
        .containsExactly("2.20.0", "2.20.2", "2.20.10");
    assertThat(l.latestPatch(Product.NKP).orElseThrow().version()).hasToString("2.20.10");
    assertThat(l.latestPatchOn(Product.NKP, LocalDate.parse("2027-09-01")).orElseThrow().version())
        .hasToString("2.20.2");
    assertThat(l.latestPatchOn(Product.NKP, LocalDate.parse("2027-05-01"))).isEmpty();
    assertThatThrownBy(() -> line("2.20", Product.NKP, "2027-06-01", patch("2.21.0", null)))
        .hasMessageContaining("patch 2.21.0 is in neither 2.20 nor 2.20");
    assertThatThrownBy(() -> line("2.20", Product.NKP, "2027-06-01", patch("2.20.1", "2027-05-31")))
        .hasMessageContaining("is dated before the line's release");
    assertThatThrownBy(
            () ->
                line(
                    "2.20",
                    Product.NKP,
                    "2027-06-01",
                    patch("2.20.1", null),
                    patch("2.20.1", null)))
        .hasMessageContaining("listed twice");
  }

  @Test
  void everyLineNeedsAnEraAndNoLineIsANumberThatNeverShipped() {
    List<ReleaseLine> lines = new ArrayList<>(SHIPPED.lines());
    int at = lines.indexOf(SHIPPED.line(Product.NKP, Minor.parse("2.12")).orElseThrow());
    lines.add(at, line("2.9", Product.DKP, "2024-06-01"));
    assertThatThrownBy(() -> with(lines, List.of()))
        .hasMessageContaining("2.9 is also listed under neverReleased");
    List<Era> oneEra = List.of(SHIPPED.era(Product.KOMMANDER));
    assertThatThrownBy(() -> withEras(oneEra))
        .hasMessageContaining("no era in 'eras' for product DKP");
    List<Era> twice = new ArrayList<>(SHIPPED.eras());
    twice.add(SHIPPED.era(Product.NKP));
    assertThatThrownBy(() -> withEras(twice)).hasMessageContaining("the era NKP is listed twice");
  }

  @Test
  void upgradesJoinCatalogLinesAndTheirFloorIsAPatchOfTheLineLeft() {
    UpgradeHop toNowhere =
        new UpgradeHop(
            Minor.parse("2.17"),
            Minor.parse("2.18"),
            null,
            null,
            UpgradeHop.Evidence.INFERRED,
            "x",
            null);
    assertThatThrownBy(() -> with(SHIPPED.lines(), List.of(toNowhere)))
        .hasMessageContaining("upgrade 2.17 to 2.18: no line 2.18");
    UpgradeHop badFloor =
        new UpgradeHop(
            Minor.parse("2.16"),
            Minor.parse("2.17"),
            null,
            Version.parse("2.17.1"),
            UpgradeHop.Evidence.DOCUMENTED,
            "x",
            null);
    assertThatThrownBy(() -> with(SHIPPED.lines(), List.of(badFloor)))
        .hasMessageContaining("minPatch 2.17.1 is not a patch of NKP 2.16");
    UpgradeHop konvoyFloor =
        new UpgradeHop(
            Minor.parse("1.4"),
            Minor.parse("2.1"),
            UpgradeHop.Kind.ADOPT,
            Version.parse("1.8.3"),
            UpgradeHop.Evidence.DOCUMENTED,
            "x",
            null);
    assertThat(with(SHIPPED.lines(), List.of(konvoyFloor)).upgrades()).hasSize(1);
    assertThatThrownBy(
            () ->
                new UpgradeHop(
                    Minor.parse("2.17"),
                    Minor.parse("2.16"),
                    null,
                    null,
                    UpgradeHop.Evidence.INFERRED,
                    "x",
                    null))
        .hasMessageContaining("an upgrade goes to a newer line");
  }

  @Test
  void aCatalogWithOneDatedLineHasNoCadenceAndIsNeverStaleByIt() {
    Catalog one = with(List.of(line("2.20", Product.NKP, "2025-01-01")), List.of());
    Freshness f = new SupportPolicy(one).freshness(LocalDate.parse("2026-04-01"));
    assertThat(f.cadenceDays()).isZero();
    assertThat(f.releaseStale()).isFalse();
  }

  @Test
  void upcomingListsReleasesAndEndsInTheWindowOnly() {
    SupportPolicy policy = new SupportPolicy(TestCatalogs.withPlanned());
    var u = policy.upcoming(LocalDate.parse("2026-12-16"), 30);
    assertThat(u.releases()).extracting(ReleaseLine::label).containsExactly("NKP 2.18");
    assertThat(u.endings()).extracting(e -> e.line().label()).containsExactly("NKP 2.15");
    assertThat(u.next()).isEmpty();
    var before = policy.upcoming(LocalDate.parse("2026-12-15"), 30); // window ends 2027-01-14
    assertThat(before.isEmpty()).isTrue();
    assertThat(before.next().map(ReleaseLine::label)).hasValue("NKP 2.18");
    var onTheDay = policy.upcoming(LocalDate.parse("2027-01-15"), 30); // already shipped: not news
    assertThat(onTheDay.releases()).isEmpty();
    assertThat(onTheDay.endings()).isEmpty();
    assertThat(policy.endingsFrom(LocalDate.parse("2027-01-15")))
        .extracting(e -> e.ending().date())
        .containsExactly(LocalDate.parse("2027-01-15"));
  }
}
