package com.ingrammicro.masterpayer.offboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a reseller sends to start an offboarding. */
record OffboardingRequest(
    @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id")
        String payerAccountId,
    @NotBlank @Size(max = 2000) String reason,
    @NotBlank @Email @Size(max = 254) String contactEmail,
    @NotNull @Valid NewResponsibleParty newResponsibleParty) {}
