package com.ingrammicro.masterpayer.registry;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the payer registry ({@code offboarding.registry.*}).
 *
 * @param maxImportSize the largest CSV file {@code POST /api/admin/payer-accounts/import} takes
 */
@Validated
@ConfigurationProperties("offboarding.registry")
record RegistryProperties(@NotNull DataSize maxImportSize) {}
