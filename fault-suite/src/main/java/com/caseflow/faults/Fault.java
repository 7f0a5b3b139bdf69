package com.caseflow.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** The faults the suite injects, each while the load runs; {@link #inject} returns once the fault is healed. */
enum Fault {

    BROKER_KILLED("kill -9 of the Kafka broker, restarted after 5 s") {
        @Override
        void inject(FaultSuite.Run run) {
            run.cluster().kafka().kill();
            Node.sleep(Duration.ofSeconds(5));
            Cluster.restart(List.of(run.cluster().kafka()));
        }
    },
    BROKER_FROZEN("SIGSTOP of the broker for twice the producer delivery timeout, then SIGCONT") {
        @Override
        void inject(FaultSuite.Run run) {
            run.cluster().kafka().freeze();
            Node.sleep(Cluster.DELIVERY_TIMEOUT.multipliedBy(2));
            run.cluster().kafka().thaw();
        }
    },
    ROUTING_KILLED("kill -9 of routing-service while it works off a backlog, restarted") {
        @Override
        void inject(FaultSuite.Run run) {
            killAndRestart(run, "routing-service");
        }
    },
    FOLLOWUP_KILLED("kill -9 of followup-service while it works off a backlog, restarted") {
        @Override
        void inject(FaultSuite.Run run) {
            killAndRestart(run, "followup-service");
        }
    },
    INTAKE_KILLED("kill -9 of intake-service with contacts it accepted while the broker was frozen, restarted") {
        @Override
        void inject(FaultSuite.Run run) {
            Node kafka = run.cluster().kafka();
            Node intake = run.cluster().service("intake-service");
            kafka.freeze();
            long frozenAt = System.currentTimeMillis();
            Node.await(Duration.ofSeconds(20), () -> acceptedSince(run, frozenAt) >= 5);
            intake.kill();
            long stranded = acceptedSince(run, frozenAt);
            run.figures().merge(STRANDED, stranded, Long::sum);
            if (stranded == 0) {
                run.violations().add(this + ": intake accepted nothing while the broker was frozen, so its death "
                        + "stranded nothing and the fault proved nothing");
            }
            kafka.thaw();
            Node.sleep(Duration.ofSeconds(2));
            Cluster.restart(List.of(intake));
        }
    },
    TWO_INSTANCES("a second instance of routing, follow-up and evaluation for 20 s, then stopped") {
        @Override
        void inject(FaultSuite.Run run) {
            List<String> services = List.of("routing-service", "followup-service", "evaluation-service");
            services.stream().map(s -> CompletableFuture.runAsync(() -> run.cluster().addInstance(s))).toList()
                    .forEach(CompletableFuture::join);
            Node.sleep(Duration.ofSeconds(20));
            services.forEach(run.cluster()::removeExtraInstances);
        }
    },
    ZOMBIE("a second instance of routing, follow-up and evaluation; the first frozen past its session timeout while "
            + "the second takes over, then thawed") {
        @Override
        void inject(FaultSuite.Run run) throws Exception {
            Cluster cluster = run.cluster();
            try {
                zombie(run, cluster);
            } finally {
                // also when an instance did not start in time: none may be left behind for the next faults
                SERVICES.forEach(cluster::removeExtraInstances);
            }
        }

        private void zombie(FaultSuite.Run run, Cluster cluster) throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.kafkaBootstrap()))) {
                // an instance has one member per binding: the group is twice as large with the second instance
                Map<String, Integer> together = new java.util.HashMap<>();
                SERVICES.forEach(group -> together.put(group, 2 * members(admin, group)));
                cluster.addInstances(SERVICES);
                // both instances own partitions (and hold polled records) before the first is frozen
                for (String group : SERVICES) {
                    if (!Node.await(Duration.ofSeconds(120), () -> stable(admin, group)
                            && members(admin, group) >= together.get(group))) {
                        run.violations().add(this + ": the second instance of " + group + " did not join its group "
                                + "within 120 s");
                    }
                }
                List<Node> first = SERVICES.stream().map(cluster::service).toList();
                first.forEach(Node::freeze);
                try {
                    // its session expires: the group rebalances without it and the second instance settles its records
                    for (String group : SERVICES) {
                        if (!Node.await(Cluster.SESSION_TIMEOUT.multipliedBy(6), () -> stable(admin, group)
                                && members(admin, group) <= together.get(group) / 2)) {
                            run.violations().add(this + ": the frozen instance of " + group + " was not removed from "
                                    + "its group within " + Cluster.SESSION_TIMEOUT.multipliedBy(6).toSeconds() + " s");
                        }
                    }
                    Node.await(Duration.ofSeconds(60), () -> SERVICES.stream().allMatch(group ->
                            run.broker().lag().getOrDefault(group, 0L) == 0));
                } finally {
                    first.forEach(Node::thaw);
                }
                // the zombie finishes the records it polled before the freeze, then rejoins; both run side by side
                for (String group : SERVICES) {
                    Node.await(Duration.ofSeconds(90), () -> stable(admin, group)
                            && members(admin, group) >= together.get(group));
                }
            }
        }
    },
    STORE_STOPPED("the store (MongoDB) frozen under load, then thawed") {
        @Override
        void inject(FaultSuite.Run run) {
            Node store = run.cluster().store();
            store.freeze();
            try {
                Node.sleep(run.plan().storeOutage());
            } finally {
                store.thaw();
            }
        }

        @Override
        String description(Plan plan) {
            return "SIGSTOP of the store (MongoDB) for " + minutesOrSeconds(plan.storeOutage())
                    + " under load, then SIGCONT";
        }
    },
    POISON("bad JSON, an unknown type and a newer schema version on every topic the services read") {
        @Override
        void inject(FaultSuite.Run run) throws Exception {
            run.poison().addAll(Poison.inject(run.cluster().kafkaBootstrap(), Integer.toString(run.poison().size())));
        }
    },
    REPLAY("every consumer group rewound to the earliest offset (services stopped, offsets reset, started)") {
        @Override
        void inject(FaultSuite.Run run) throws Exception {
            List<String> services = List.of("routing-service", "followup-service", "evaluation-service");
            List<Node> nodes = services.stream().flatMap(s -> run.cluster().instances(s).stream()).toList();
            nodes.stream().map(n -> CompletableFuture.runAsync(n::stop)).toList().forEach(CompletableFuture::join);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    run.cluster().kafkaBootstrap()))) {
                for (String group : services) {
                    awaitEmpty(admin, group);
                    Map<TopicPartition, OffsetAndMetadata> earliest = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get().keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
                    admin.alterConsumerGroupOffsets(group, earliest).all().get();
                }
            }
            Cluster.restart(nodes);
        }
    },
    HOSTILE_INPUT("fuzzed bodies, huge strings, wrong types, injection strings (Chinese and ASCII) to intake") {
        @Override
        void inject(FaultSuite.Run run) {
            run.hostile().add(new Hostile().fire(run.cluster(), run.tokens().get("A001"), run.plan().hostile()));
        }
    };

    private static final List<String> SERVICES = List.of("routing-service", "followup-service",
            "evaluation-service");

    /** Contacts intake answered 201 while it could not publish them, then died: only its outbox knew them. */
    static final String STRANDED = "accepted while the broker was frozen, then intake killed";

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The description with the plan's figures in it, for the report. */
    String description(Plan plan) {
        return description;
    }

    private static String minutesOrSeconds(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private static int members(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean stable(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).groupState()
                    == GroupState.STABLE;
        } catch (Exception e) {
            return false;
        }
    }

    abstract void inject(FaultSuite.Run run) throws Exception;

    private static long acceptedSince(FaultSuite.Run run, long millis) {
        return run.ledger().with(Ledger.Outcome.ACCEPTED).stream().filter(r -> r.acceptedAtMillis >= millis).count();
    }

    /** Frozen for a while so that records pile up, then killed a second into working them off. */
    private static void killAndRestart(FaultSuite.Run run, String service) {
        Node node = run.cluster().service(service);
        node.freeze();
        Node.sleep(Duration.ofSeconds(8));
        node.thaw();
        Node.sleep(Duration.ofSeconds(1));
        node.kill();
        Cluster.restart(List.of(node));
    }

    /** Offsets of a group can only be moved while it has no members. */
    private static void awaitEmpty(Admin admin, String group) {
        boolean empty = Node.await(Duration.ofSeconds(60), () -> {
            try {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                        .get(group);
                return description.members().isEmpty() && description.groupState() != GroupState.STABLE;
            } catch (Exception e) {
                return false;
            }
        });
        if (!empty) {
            throw new IllegalStateException("consumer group " + group + " kept members after its services stopped");
        }
    }
}
