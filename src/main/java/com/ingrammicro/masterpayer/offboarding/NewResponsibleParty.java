package com.ingrammicro.masterpayer.offboarding;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The party that becomes responsible for the payer account's billing: the assignee of the CTA. */
public record NewResponsibleParty(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 254) String email,
    @NotNull PartyKind kind) {}
