package io.normlab.study;

import io.normlab.models.Activation;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import io.normlab.nn.Module;
import io.normlab.tensor.Rng;
import java.util.Locale;
import java.util.function.Function;

/** Shortcuts the MLP studies share: a model factory from an {@link MlpSpec}, and arm-name parts. */
final class Mlps {
    private Mlps() {}

    /** {@code depth} hidden layers of {@code width} for {@code task}, PyTorch default init, norm before the activation. */
    static MlpSpec spec(Task task, int depth, int width, Activation act, NormKind norm) {
        return MlpSpec.of(task.features(), depth, width, task.classes(), act, norm);
    }

    static Function<Rng, Module> factory(MlpSpec spec) {
        return spec::build;
    }

    /** "batch", "layer", "none", ... for arm names and legends. */
    static String name(NormKind k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String name(Activation a) {
        return a.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Display names for legends: "BatchNorm", "LayerNorm", ... */
    static String label(NormKind k) {
        return switch (k) {
            case NONE -> "no norm";
            case BATCH -> "BatchNorm";
            case LAYER -> "LayerNorm";
            case GROUP -> "GroupNorm";
            case RMS -> "RMSNorm";
            case INSTANCE -> "InstanceNorm";
            case BATCH_RENORM -> "BatchRenorm";
            case SWITCHABLE -> "SwitchableNorm";
            case BATCH_INSTANCE -> "BatchInstanceNorm";
        };
    }
}
