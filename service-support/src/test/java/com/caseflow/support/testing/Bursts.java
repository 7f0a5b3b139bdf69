package com.caseflow.support.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/** Requests released at once from as many threads, to go past a per-user rate limit. */
public final class Bursts {

    private Bursts() {
    }

    /** The answers of {@code requests} requests sent together, in the order of their index. */
    public static List<Api.Response> of(int requests, IntFunction<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> sent = IntStream.range(0, requests)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return request.apply(i);
                    }))
                    .toList();
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Bursts until one answer is 429, repeated should a loaded machine spread a burst over the limiter's periods;
     * every answer of every burst, in order.
     */
    public static List<Api.Response> untilRefused(int requests, IntFunction<Api.Response> request, Duration atMost) {
        List<Api.Response> answers = new ArrayList<>();
        await().atMost(atMost).until(() -> {
            List<Api.Response> burst = of(requests, request);
            answers.addAll(burst);
            return burst.stream().anyMatch(r -> r.status() == 429);
        });
        return answers;
    }
}
