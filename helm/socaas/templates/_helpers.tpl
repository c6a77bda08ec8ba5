{{- define "socaas.labels" -}}
app.kubernetes.io/part-of: socaas
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}
