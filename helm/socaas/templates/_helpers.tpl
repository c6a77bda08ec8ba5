{{/* Labels on every object of the chart. */}}
{{- define "socaas.labels" -}}
app.kubernetes.io/part-of: socaas
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* Labels of one service's objects; call with (dict "root" $ "name" $name). */}}
{{- define "socaas.serviceLabels" -}}
{{ include "socaas.selectorLabels" . }}
app.kubernetes.io/part-of: socaas
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/version: {{ include "socaas.imageTag" .root | quote }}
{{- end }}

{{/* What a Service, PDB and NetworkPolicy select a service's pods by. */}}
{{- define "socaas.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "socaas.imageTag" -}}
{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "socaas.image" -}}
{{ printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.repository .name (include "socaas.imageTag" .root) }}
{{- end }}

{{/* Whether a service runs as a StatefulSet (correlation with persistent Kafka Streams state). */}}
{{- define "socaas.workloadKind" -}}
{{- if and .svc.kafkaStreams .svc.kafkaStreams.persistence.enabled -}}StatefulSet{{- else -}}Deployment{{- end -}}
{{- end }}

{{/* The Keycloak realm URL the services use as OIDC server. */}}
{{- define "socaas.oidcServer" -}}
{{ printf "%s/realms/%s" (include "socaas.keycloakUrl" .) .Values.keycloak.realm }}
{{- end }}

{{/* Egress to a list of ports, optionally limited to peers; call with (dict "ports" .. "peers" ..). */}}
{{- define "socaas.egressRule" -}}
- ports:
  {{- range .ports }}
    - protocol: TCP
      port: {{ . }}
  {{- end }}
  {{- with .peers }}
  to:
    {{- . | nindent 4 }}
  {{- end }}
{{- end }}

{{/* Endpoints: the operators' resources of this release when their flags are on, else the values. */}}
{{- define "socaas.kafkaBootstrap" -}}
{{- if .Values.operators.strimzi.enabled -}}
{{ printf "%s-kafka-bootstrap:9092" .Values.operators.strimzi.clusterName }}
{{- else -}}
{{ .Values.kafka.bootstrapServers }}
{{- end -}}
{{- end }}

{{- define "socaas.postgresHost" -}}
{{- if .Values.operators.cloudnativepg.enabled -}}
{{ printf "%s-rw" .Values.operators.cloudnativepg.clusterName }}
{{- else -}}
{{ .Values.postgres.host }}
{{- end -}}
{{- end }}

{{- define "socaas.opensearchUrl" -}}
{{- if .Values.operators.opensearch.enabled -}}
{{ printf "http://%s:9200" .Values.operators.opensearch.clusterName }}
{{- else -}}
{{ .Values.opensearch.url }}
{{- end -}}
{{- end }}

{{- define "socaas.keycloakUrl" -}}
{{- if .Values.operators.keycloak.enabled -}}
{{ printf "https://%s" .Values.operators.keycloak.hostname }}
{{- else -}}
{{ trimSuffix "/" .Values.keycloak.url }}
{{- end -}}
{{- end }}

{{/* NetworkPolicy peers of a piece of infrastructure: the values, else the operator's pods. */}}
{{- define "socaas.peers" -}}
{{- $v := .root.Values -}}
{{- $o := $v.operators -}}
{{- if eq .what "kafka" -}}
{{- if $v.kafka.networkPolicyPeers }}{{ toYaml $v.kafka.networkPolicyPeers }}{{ else if $o.strimzi.enabled }}- podSelector: { matchLabels: { strimzi.io/cluster: {{ $o.strimzi.clusterName }} } }{{ end }}
{{- else if eq .what "postgres" -}}
{{- if $v.postgres.networkPolicyPeers }}{{ toYaml $v.postgres.networkPolicyPeers }}{{ else if $o.cloudnativepg.enabled }}- podSelector: { matchLabels: { cnpg.io/cluster: {{ $o.cloudnativepg.clusterName }} } }{{ end }}
{{- else if eq .what "opensearch" -}}
{{- if $v.opensearch.networkPolicyPeers }}{{ toYaml $v.opensearch.networkPolicyPeers }}{{ else if $o.opensearch.enabled }}- podSelector: { matchLabels: { opster.io/opensearch-cluster: {{ $o.opensearch.clusterName }} } }{{ end }}
{{- else if eq .what "keycloak" -}}
{{- if $v.keycloak.networkPolicyPeers }}{{ toYaml $v.keycloak.networkPolicyPeers }}{{ else if $o.keycloak.enabled }}- podSelector: { matchLabels: { app: keycloak, app.kubernetes.io/instance: {{ $o.keycloak.name }} } }{{ end }}
{{- end -}}
{{- end }}

{{/* ingestion's syslog listeners as a YAML list of name, port and protocol (values "syslog"): the
     shared TCP and UDP port, RELP, TLS and RELP over TLS when served, and each tenant port over TCP
     and UDP. The Service ingestion-syslog and the pods' container ports are made from it. */}}
{{- define "socaas.syslogPorts" -}}
{{- $s := .Values.syslog -}}
- { name: syslog-tcp, port: {{ $s.tcpPort }}, protocol: TCP }
- { name: syslog-udp, port: {{ $s.udpPort }}, protocol: UDP }
{{- if $s.relp.enabled }}
- { name: relp, port: {{ $s.relp.port }}, protocol: TCP }
{{- end }}
{{- if $s.tls.enabled }}
- { name: syslog-tls, port: {{ $s.tls.port }}, protocol: TCP }
{{- if $s.relp.enabled }}
- { name: relp-tls, port: {{ $s.relp.tlsPort }}, protocol: TCP }
{{- end }}
{{- end }}
{{- range $port := untilStep (int $s.tenantPorts.from) (int (add1 $s.tenantPorts.to)) 1 }}
- { name: t{{ $port }}-tcp, port: {{ $port }}, protocol: TCP }
- { name: t{{ $port }}-udp, port: {{ $port }}, protocol: UDP }
{{- end }}
{{- end }}

{{/* Whether ingestion runs syslog listeners. */}}
{{- define "socaas.syslogEnabled" -}}
{{- if and .Values.syslog.enabled .Values.services.ingestion.enabled }}true{{ end }}
{{- end }}

{{/* The Secret with the root of PostgreSQL's certificate when it is not the platform CA: the
     value, else CloudNativePG's cluster CA when the chart renders that cluster; empty otherwise. */}}
{{- define "socaas.postgresCaSecret" -}}
{{- if .Values.tls.postgres.existingSecret -}}
{{ .Values.tls.postgres.existingSecret }}
{{- else if .Values.operators.cloudnativepg.enabled -}}
{{ printf "%s-ca" .Values.operators.cloudnativepg.clusterName }}
{{- end -}}
{{- end }}

{{/* With tls.enabled every client of the services speaks TLS: refuse infrastructure that does not. */}}
{{- define "socaas.tlsCheck" -}}
{{- if .Values.tls.enabled -}}
{{- if .Values.operators.strimzi.enabled -}}
{{- fail "tls.enabled: the Kafka of operators.strimzi has a plain listener only; use a Kafka with an SSL listener (kafka.bootstrapServers)" -}}
{{- end -}}
{{- if .Values.operators.opensearch.enabled -}}
{{- fail "tls.enabled: the OpenSearch of operators.opensearch runs without its security plugin (plain HTTP); use an https opensearch.url" -}}
{{- end -}}
{{- if not (hasPrefix "https://" (include "socaas.opensearchUrl" .)) -}}
{{- fail "tls.enabled: opensearch.url must be an https URL" -}}
{{- end -}}
{{- if not (hasPrefix "https://" (include "socaas.keycloakUrl" .)) -}}
{{- fail "tls.enabled: keycloak.url must be an https URL" -}}
{{- end -}}
{{- end -}}
{{- end }}
