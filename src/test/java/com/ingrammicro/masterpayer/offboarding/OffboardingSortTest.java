package com.ingrammicro.masterpayer.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure piece of the search the audit uses: the sort whitelist. */
class OffboardingSortTest {

  @Test
  void sortAcceptsOnlyWhitelistedFieldsAndDirections() {
    assertThat(OffboardingSort.parse(null)).contains(OffboardingSort.DEFAULT);
    assertThat(OffboardingSort.parse("endedAt,desc").orElseThrow().orderBy())
        .isEqualTo(" order by ended_at desc nulls last, id desc");
    assertThat(OffboardingSort.parse("resellerId").orElseThrow().orderBy())
        .isEqualTo(" order by reseller_id asc nulls last, id asc");
    assertThat(OffboardingSort.parse("reason,asc")).isEmpty();
    assertThat(OffboardingSort.parse("created_at; drop table offboarding")).isEmpty();
    assertThat(OffboardingSort.parse("createdAt,up")).isEmpty();
    assertThat(OffboardingSort.parse("createdAt,asc,again")).isEmpty();
  }
}
