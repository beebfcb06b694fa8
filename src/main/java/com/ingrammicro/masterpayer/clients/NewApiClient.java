package com.ingrammicro.masterpayer.clients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A client to register: the reseller its tokens act for, a name people recognise it by, and
 * optionally its client id and scopes (both scopes when none are given).
 */
record NewApiClient(
    @NotNull
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
            message = "must be a reseller id: letters, digits, '.', '_' or '-', at most 64")
        String resellerId,
    @NotBlank @Size(max = 200) String name,
    @Pattern(
            regexp = "[a-z0-9][a-z0-9._-]{2,63}",
            message = "must be 3 to 64 lower-case letters, digits, '.', '_' or '-'")
        String clientId,
    @Size(min = 1, max = 2)
        List<
                @NotNull
                @Pattern(
                    regexp = "offboardings:read|offboardings:write",
                    message = "must be offboardings:read or offboardings:write")
                String>
            scopes) {}
