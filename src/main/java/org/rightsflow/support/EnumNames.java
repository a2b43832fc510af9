package org.rightsflow.support;

import java.util.Arrays;
import java.util.Optional;

/** Untrusted text (a form field, a query parameter, a JSON value) to a constant of a known vocabulary. */
public final class EnumNames {

    private EnumNames() {
    }

    /** The constant named exactly {@code value}; anything else, null included, is simply not found. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst();
    }

    /** The constants' names, for messages such as "must be one of [A, B]". */
    public static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList().toString();
    }
}
