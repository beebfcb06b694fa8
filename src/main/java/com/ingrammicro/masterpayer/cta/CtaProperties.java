package com.ingrammicro.masterpayer.cta;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the CTA module ({@code offboarding.cta.*}).
 *
 * @param maxSignedSize the largest signed CTA the API accepts
 * @param consentingParty the legal name of the distributor that consents to the assignment
 */
@Validated
@ConfigurationProperties("offboarding.cta")
record CtaProperties(@NotNull DataSize maxSignedSize, @NotBlank String consentingParty) {}
