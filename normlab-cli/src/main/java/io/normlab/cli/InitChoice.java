package io.normlab.cli;

import io.normlab.nn.init.Initializer;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The weight initializations {@code --init} offers for the hidden Linear layers, by their flag
 * names; each maps onto {@link Initializer#parse}.
 */
enum InitChoice {
    TORCH_DEFAULT("torch-default"), XAVIER_UNIFORM("xavier-uniform"), XAVIER_NORMAL("xavier-normal"),
    KAIMING_UNIFORM("kaiming-uniform"), KAIMING_NORMAL("kaiming-normal"), ORTHOGONAL("orthogonal"), SCALED_NORMAL("scaled-normal");

    final String flag;

    InitChoice(String flag) {
        this.flag = flag;
    }

    /**
     * The initializer, or null for PyTorch's default (which {@link io.normlab.models.MlpSpec}
     * applies when building, so the random stream matches a model built without {@code --init}).
     * {@code gain} is used by scaled-normal only: N(0, gain^2 / fan_in).
     */
    Initializer initializer(double gain) {
        if (this == TORCH_DEFAULT) return null;
        String name = name().toLowerCase(java.util.Locale.ROOT);
        return Initializer.parse(this == SCALED_NORMAL ? name + ":" + gain : name);
    }

    @Override
    public String toString() {
        return flag;
    }

    /** Accepts the flag names only, with an error listing them. */
    static final class Converter implements ITypeConverter<InitChoice> {
        @Override
        public InitChoice convert(String value) {
            for (InitChoice c : values()) if (c.flag.equals(value)) return c;
            throw new TypeConversionException("expected one of " + Arrays.stream(values()).map(c -> c.flag).collect(Collectors.joining(", "))
                    + " but was '" + value + "'");
        }
    }
}
