package com.ingrammicro.masterpayer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure piece of the audit search: the sort whitelist. */
class AuditQueryTest {

  @Test
  void sortAcceptsOnlyWhitelistedFieldsAndDirections() {
    assertThat(AuditSort.parse(null)).contains(AuditSort.DEFAULT);
    assertThat(AuditSort.parse("endedAt,desc").orElseThrow().orderBy())
        .isEqualTo(" order by ended_at desc nulls last, id desc");
    assertThat(AuditSort.parse("resellerId").orElseThrow().orderBy())
        .isEqualTo(" order by reseller_id asc nulls last, id asc");
    assertThat(AuditSort.parse("reason,asc")).isEmpty();
    assertThat(AuditSort.parse("created_at; drop table offboarding")).isEmpty();
    assertThat(AuditSort.parse("createdAt,up")).isEmpty();
    assertThat(AuditSort.parse("createdAt,asc,again")).isEmpty();
  }
}
