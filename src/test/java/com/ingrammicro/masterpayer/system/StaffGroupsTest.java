package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffGroupsTest {

  private static StaffGroups mapping(Map<String, List<String>> groups) {
    return new StaffGroups(new AccessProperties.StaffLogin("groups", groups));
  }

  @Test
  void withoutAMappingEachStaffGroupIsGivenForAProviderGroupOfItsOwnId() {
    StaffGroups groups = mapping(Map.of());

    assertThat(groups.of(List.of("iaas-sales", "finance", "Everyone")))
        .containsExactly("iaas-sales", "finance");
    assertThat(groups.of("auditors")).containsExactly("auditors");
    assertThat(groups.of(List.of("resellers", "camunda-admin"))).containsExactly("camunda-admin");
    assertThat(groups.of(null)).isEmpty();
    assertThat(groups.of(42)).isEmpty();
  }

  @Test
  void aMappedStaffGroupIsGivenForItsListedProviderGroupsOnly() {
    StaffGroups groups =
        mapping(
            Map.of(
                "iaas-sales",
                List.of("IaaS Sales EMEA", "IaaS Sales US"),
                "camunda-admin",
                List.of("0b3c6f7e-8d2a-4f1b-9c5d-2e7a1b4c9d00")));

    assertThat(groups.of(List.of("IaaS Sales US"))).containsExactly("iaas-sales");
    assertThat(groups.of(List.of("iaas-sales", "camunda-admin"))).isEmpty();
    assertThat(groups.of(List.of("0b3c6f7e-8d2a-4f1b-9c5d-2e7a1b4c9d00", "finance")))
        .containsExactly("finance", "camunda-admin");
    assertThat(groups.of(List.of("iaas sales us"))).as("names match exactly").isEmpty();
  }

  @Test
  void theResellersGroupNeverComesFromSingleSignOn() {
    assertThat(mapping(Map.of()).of(List.of("resellers"))).isEmpty();
    assertThatThrownBy(() -> mapping(Map.of("resellers", List.of("Partners"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offboarding.security.staff-login.groups.resellers")
        .hasMessageContaining("resellers are API clients");
  }

  @Test
  void aMappingOfAGroupThisApplicationDoesNotKnowIsRefused() {
    assertThatThrownBy(() -> mapping(Map.of("sales", List.of("Sales"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offboarding.security.staff-login.groups.sales")
        .hasMessageContaining("[iaas-sales, finance, auditors, camunda-admin]");
  }
}
