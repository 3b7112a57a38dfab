package io.normlab.study;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.models.Activation;
import io.normlab.models.NormKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentTest {
    static List<Arm> arms() {
        Task t = Task.digits();
        TrainSpec train = TrainSpec.of(OptimizerSpec.sgd(0.05, 0.9), 32, 12, 4).withProbes(0, 11);
        return List.of(
                Arm.of("plain", t, Mlps.factory(Mlps.spec(t, 3, 16, Activation.TANH, NormKind.NONE)), train),
                Arm.of("plain-again", t, Mlps.factory(Mlps.spec(t, 3, 16, Activation.TANH, NormKind.NONE)), train),
                Arm.of("batch", t, Mlps.factory(Mlps.spec(t, 3, 16, Activation.TANH, NormKind.BATCH)), train));
    }

    static void assertSameNumbers(RunResult a, RunResult b) {
        assertArrayEquals(a.trainLoss(), b.trainLoss(), 0.0);
        assertArrayEquals(a.valAccuracy(), b.valAccuracy(), 0.0);
        assertArrayEquals(a.evalSteps(), b.evalSteps());
        assertEquals(a.profiles().size(), b.profiles().size());
        for (int i = 0; i < a.profiles().size(); i++) {
            assertArrayEquals(a.profiles().get(i).actGrad(), b.profiles().get(i).actGrad(), 0.0);
            assertArrayEquals(a.profiles().get(i).weightGrad(), b.profiles().get(i).weightGrad(), 0.0);
        }
    }

    @Test
    void resultsDoNotDependOnHowManyRunsTrainAtOnce() {
        Results one = Experiment.run(arms(), List.of(1L, 2L), 1, Progress.NONE);
        Results two = Experiment.run(arms(), List.of(1L, 2L), 2, Progress.NONE);
        for (Arm a : arms()) for (int s = 0; s < 2; s++) assertSameNumbers(one.runs(a.name()).get(s), two.runs(a.name()).get(s));
    }

    @Test
    void armsOfTheSameShapeStartFromTheSameWeightsAndBatchesButSeedsDiffer() {
        Results r = Experiment.run(arms(), List.of(1L, 2L), 2, Progress.NONE);
        assertSameNumbers(r.runs("plain").get(0), r.runs("plain-again").get(0));
        assertNotEquals(r.runs("plain").get(0).trainLoss()[0], r.runs("plain").get(1).trainLoss()[0]);
        RunResult run = r.runs("batch").get(0);
        assertEquals(12, run.steps());
        assertArrayEquals(new int[] {0, 4, 8, 12}, run.evalSteps());
        assertEquals(3, run.profile(0).actGrad().length, "one entry per hidden layer");
        assertTrue(run.profile(11).actGrad()[0] > 0);
    }

    @Test
    void stopsAtTheTargetAndRecordsDivergence() {
        Task t = Task.digits();
        Arm easy = Arm.of("easy", t, Mlps.factory(Mlps.spec(t, 1, 32, Activation.RELU, NormKind.NONE)),
                TrainSpec.of(OptimizerSpec.sgd(0.1, 0.9), 32, 400, 5).withStopAt(0.5));
        Arm wild = Arm.of("wild", t, Mlps.factory(Mlps.spec(t, 6, 32, Activation.RELU, NormKind.NONE)
                .withHiddenInit(io.normlab.nn.init.Initializer.scaledNormal(6), true)), TrainSpec.of(OptimizerSpec.sgd(1.0, 0.9), 32, 50, 5));
        Results r = Experiment.run(List.of(easy, wild), List.of(3L), 1, Progress.NONE);
        RunResult e = r.runs("easy").get(0);
        assertTrue(e.finalAccuracy() >= 0.5 && e.steps() < 400, "stopped at " + e.steps());
        assertEquals(e.steps(), e.stepsTo(0.5));
        RunResult w = r.runs("wild").get(0);
        assertTrue(w.diverged(), "a 6x-scaled ReLU net at lr 1 diverges");
        assertEquals(w.steps(), w.divergedAt());
    }
}
