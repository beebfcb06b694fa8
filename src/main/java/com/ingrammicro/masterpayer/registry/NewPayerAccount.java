package com.ingrammicro.masterpayer.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A payer account to register, as an administrator sends it and as each row of a CSV import holds
 * it; one set of rules for both.
 */
record NewPayerAccount(
    @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id")
        String accountId,
    @NotNull @Pattern(regexp = RESELLER_ID, message = RESELLER_ID_MESSAGE) String resellerId,
    @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name) {

  static final String RESELLER_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
  static final String RESELLER_ID_MESSAGE =
      "must be a reseller id: letters, digits, '-' and '_', at most 64";
}
