#!/bin/bash
# The one-off job of the production compose file, as kafka-admin: the topics (partition counts as in shared-events
# Topics), one SCRAM user per service, and each service's ACLs — it writes only the topics it owns and reads what it
# consumes (docs/operations.md, "Kafka security and ACLs"). Safe to run again: every step is idempotent.
set -euo pipefail
secrets=/run/secrets
bin=/opt/kafka/bin
mkdir -p /tmp/caseflow
chmod 700 /tmp/caseflow
admin=/tmp/caseflow/admin.properties
cat > "$admin" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="kafka-admin" password="$(cat "$secrets/kafka-admin.password")";
ssl.truststore.type=PEM
ssl.truststore.location=$secrets/caseflow-ca.crt
PROPS
server=kafka:9092

# Retention written out for every topic, as shared-events' Topics.configs says: events 14 days, dead letters 72 hours,
# the current version of each calendar for good (compacted: a service starting empty reads every calendar).
for t in contacts calls cases followups evaluations calendars; do
  for name in "$t" "$t.dlq"; do
    $bin/kafka-topics.sh --bootstrap-server $server --command-config "$admin" --create --if-not-exists \
      --topic "$name" --partitions 3 --replication-factor 1
    case $name in
      calendars) config=cleanup.policy=compact ;;
      *.dlq) config=cleanup.policy=delete,retention.ms=259200000 ;;
      *) config=cleanup.policy=delete,retention.ms=1209600000 ;;
    esac
    $bin/kafka-configs.sh --bootstrap-server $server --command-config "$admin" --alter --entity-type topics \
      --entity-name "$name" --add-config "$config"
  done
done

# one SCRAM principal per service, its password from its own secret
for service in intake-service routing-service followup-service evaluation-service console; do
  $bin/kafka-configs.sh --bootstrap-server $server --command-config "$admin" --alter --entity-type users \
    --entity-name "$service" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(cat "$secrets/kafka-$service.password")]"
done

acl() {
  $bin/kafka-acls.sh --bootstrap-server $server --command-config "$admin" --add "$@"
}
acl --allow-principal User:intake-service --operation Write --operation Describe --topic contacts --topic calls
acl --allow-principal User:routing-service --operation Read --operation Describe --topic contacts --topic followups \
  --group routing-service
acl --allow-principal User:routing-service --operation Write --operation Describe --topic cases --topic calendars \
  --topic contacts.dlq --topic followups.dlq
acl --allow-principal User:routing-service --operation Create --operation Write --operation Describe \
  --operation DescribeConfigs --resource-pattern-type prefixed --topic cases.dept.
acl --allow-principal User:followup-service --operation Read --operation Describe --topic cases --topic followups \
  --topic calendars --topic calls --group followup-service --group followup-service.calendars
acl --allow-principal User:followup-service --operation Write --operation Describe --topic followups \
  --topic cases.dlq --topic followups.dlq --topic calendars.dlq --topic calls.dlq
acl --allow-principal User:evaluation-service --operation Read --operation Describe --topic contacts --topic calls \
  --topic cases --topic followups --topic evaluations --topic calendars --group evaluation-service \
  --group evaluation-service.calendars
acl --allow-principal User:evaluation-service --operation Write --operation Describe --topic evaluations \
  --topic contacts.dlq --topic calls.dlq --topic cases.dlq --topic followups.dlq --topic evaluations.dlq \
  --topic calendars.dlq
# the console: every department's topic and the calls (screen pop), each instance in an anonymous group of its own
acl --allow-principal User:console --operation Read --operation Describe --resource-pattern-type prefixed \
  --topic cases.dept. --group anonymous.
acl --allow-principal User:console --operation Read --operation Describe --topic calls
echo "topics, users and ACLs in place"
