package io.socaas.deploy;

import io.fabric8.kubernetes.api.model.ConfigMapEnvSource;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretEnvSource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What every render of the chart (and k8s/) must satisfy, as a list of violations: an empty list
 * means the objects pass. Kept apart from the tests so that a deliberately broken render can show
 * that each rule catches what it should.
 */
final class ManifestChecks {

    /** ConfigMaps and Secrets the render may reference without defining (listed in the values). */
    record External(Set<String> configMaps, Set<String> secrets) {}

    private ManifestChecks() {}

    static List<String> violations(List<HasMetadata> objects, External external, Collection<String> services) {
        List<String> problems = new ArrayList<>();
        Map<String, PodTemplateSpec> workloads = workloads(objects);
        workloads.forEach((name, template) -> checkPod(name, template, problems));
        checkServices(objects, workloads, problems);
        checkReferences(objects, workloads, external, problems);
        checkNetworkPolicies(objects, workloads, services, problems);
        checkScalers(objects, workloads, problems);
        checkIngresses(objects, problems);
        objects.forEach(
                o -> unknownFields(o, o.getKind() + "/" + o.getMetadata().getName(), problems));
        return problems;
    }

    /** Deployments and StatefulSets by "Kind/name". */
    static Map<String, PodTemplateSpec> workloads(List<HasMetadata> objects) {
        Map<String, PodTemplateSpec> workloads = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                workloads.put(
                        "Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate());
            } else if (o instanceof StatefulSet s) {
                workloads.put(
                        "StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate());
            }
        }
        return workloads;
    }

    private static void checkPod(String workload, PodTemplateSpec template, List<String> problems) {
        PodSpec pod = template.getSpec();
        PodSecurityContext podSecurity =
                Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        List<Container> containers = new ArrayList<>(pod.getContainers());
        Optional.ofNullable(pod.getInitContainers()).ifPresent(containers::addAll);
        for (Container c : containers) {
            String where = workload + " container " + c.getName();
            if (!hasHttpOrOther(c.getReadinessProbe())) {
                problems.add(where + " has no readiness probe");
            }
            if (!hasHttpOrOther(c.getLivenessProbe())) {
                problems.add(where + " has no liveness probe");
            }
            ResourceRequirements resources = c.getResources();
            if (resources == null
                    || resources.getRequests() == null
                    || !resources.getRequests().containsKey("cpu")
                    || !resources.getRequests().containsKey("memory")) {
                problems.add(where + " requests no cpu and memory");
            }
            if (resources == null
                    || resources.getLimits() == null
                    || !resources.getLimits().containsKey("memory")) {
                problems.add(where + " has no memory limit");
            }
            SecurityContext security =
                    Optional.ofNullable(c.getSecurityContext()).orElseGet(SecurityContext::new);
            boolean nonRoot = Boolean.TRUE.equals(security.getRunAsNonRoot())
                    || (security.getRunAsNonRoot() == null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()));
            Long uid = security.getRunAsUser() != null ? security.getRunAsUser() : podSecurity.getRunAsUser();
            if (!nonRoot || Long.valueOf(0).equals(uid)) {
                problems.add(where + " may run as root");
            }
            if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                problems.add(where + " has a writable root filesystem");
            }
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                problems.add(where + " allows privilege escalation");
            }
            if (Boolean.TRUE.equals(security.getPrivileged())) {
                problems.add(where + " is privileged");
            }
            if (security.getCapabilities() == null
                    || security.getCapabilities().getDrop() == null
                    || !security.getCapabilities().getDrop().contains("ALL")) {
                problems.add(where + " does not drop all capabilities");
            }
            if (Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                boolean tmp = Optional.ofNullable(c.getVolumeMounts()).orElse(List.of()).stream()
                        .filter(m -> "/tmp".equals(m.getMountPath()))
                        .map(VolumeMount::getName)
                        .anyMatch(v -> volume(pod, v).map(Volume::getEmptyDir).isPresent());
                if (!tmp) {
                    problems.add(where + " has a read-only root but no emptyDir on /tmp");
                }
            }
        }
    }

    private static boolean hasHttpOrOther(Probe probe) {
        return probe != null
                && (probe.getHttpGet() != null
                        || probe.getTcpSocket() != null
                        || probe.getExec() != null
                        || probe.getGrpc() != null);
    }

    private static Optional<Volume> volume(PodSpec pod, String name) {
        return Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(v -> v.getName().equals(name))
                .findFirst();
    }

    private static void checkServices(
            List<HasMetadata> objects, Map<String, PodTemplateSpec> workloads, List<String> problems) {
        for (Service service : Chart.ofKind(objects, Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                problems.add("Service " + service.getMetadata().getName() + " selects no pods");
                continue;
            }
            boolean selects = workloads.values().stream()
                    .anyMatch(t -> matches(selector, t.getMetadata().getLabels()));
            if (!selects) {
                problems.add(
                        "Service " + service.getMetadata().getName() + " selects no Deployment or StatefulSet's pods");
            }
            for (var port : service.getSpec().getPorts()) {
                if (port.getTargetPort() != null && port.getTargetPort().getStrVal() != null) {
                    String named = port.getTargetPort().getStrVal();
                    boolean exists = workloads.values().stream()
                            .filter(t -> matches(selector, t.getMetadata().getLabels()))
                            .flatMap(t -> t.getSpec().getContainers().stream())
                            .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                            .anyMatch(p -> named.equals(p.getName()));
                    if (!exists) {
                        problems.add("Service " + service.getMetadata().getName() + " targets port " + named
                                + " that its pods do not name");
                    }
                }
            }
        }
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return labels != null
                && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    private static void checkReferences(
            List<HasMetadata> objects,
            Map<String, PodTemplateSpec> workloads,
            External external,
            List<String> problems) {
        Set<String> configMaps = new HashSet<>(external.configMaps());
        Set<String> secrets = new HashSet<>(external.secrets());
        for (HasMetadata o : objects) {
            if (o.getKind().equals("ConfigMap")) {
                configMaps.add(o.getMetadata().getName());
            } else if (o.getKind().equals("Secret")) {
                secrets.add(o.getMetadata().getName());
            }
        }
        workloads.forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            Set<String> usedConfigMaps = new HashSet<>();
            Set<String> usedSecrets = new HashSet<>();
            for (Volume v : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                Optional.ofNullable(v.getConfigMap()).ifPresent(c -> usedConfigMaps.add(c.getName()));
                Optional.ofNullable(v.getSecret()).ifPresent(s -> usedSecrets.add(s.getSecretName()));
                Optional.ofNullable(v.getProjected())
                        .ifPresent(p -> p.getSources().forEach(s -> {
                            Optional.ofNullable(s.getConfigMap()).ifPresent(c -> usedConfigMaps.add(c.getName()));
                            Optional.ofNullable(s.getSecret()).ifPresent(c -> usedSecrets.add(c.getName()));
                        }));
            }
            Optional.ofNullable(pod.getImagePullSecrets()).orElse(List.of()).forEach(s -> usedSecrets.add(s.getName()));
            for (Container c : pod.getContainers()) {
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    Optional.ofNullable(from.getConfigMapRef())
                            .map(ConfigMapEnvSource::getName)
                            .ifPresent(usedConfigMaps::add);
                    Optional.ofNullable(from.getSecretRef())
                            .map(SecretEnvSource::getName)
                            .ifPresent(usedSecrets::add);
                }
                for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() != null) {
                        Optional.ofNullable(env.getValueFrom().getConfigMapKeyRef())
                                .map(ConfigMapKeySelector::getName)
                                .ifPresent(usedConfigMaps::add);
                        Optional.ofNullable(env.getValueFrom().getSecretKeyRef())
                                .map(SecretKeySelector::getName)
                                .ifPresent(usedSecrets::add);
                    }
                }
            }
            usedConfigMaps.stream()
                    .filter(n -> !configMaps.contains(n))
                    .sorted()
                    .forEach(n -> problems.add(
                            workload + " uses ConfigMap " + n + ", neither rendered nor listed as external"));
            usedSecrets.stream()
                    .filter(n -> !secrets.contains(n))
                    .sorted()
                    .forEach(n ->
                            problems.add(workload + " uses Secret " + n + ", neither rendered nor listed as external"));
        });
    }

    private static void checkNetworkPolicies(
            List<HasMetadata> objects,
            Map<String, PodTemplateSpec> workloads,
            Collection<String> services,
            List<String> problems) {
        List<NetworkPolicy> policies = Chart.ofKind(objects, NetworkPolicy.class);
        for (String service : services) {
            workloads.entrySet().stream()
                    .filter(w -> w.getKey().endsWith("/" + service))
                    .forEach(w -> {
                        Map<String, String> labels = w.getValue().getMetadata().getLabels();
                        boolean covered = policies.stream().anyMatch(p -> {
                            var selector = p.getSpec().getPodSelector();
                            return selector != null
                                    && selector.getMatchLabels() != null
                                    && !selector.getMatchLabels().isEmpty()
                                    && matches(selector.getMatchLabels(), labels)
                                    && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"));
                        });
                        if (!covered) {
                            problems.add(w.getKey() + " has no NetworkPolicy of its own for ingress and egress");
                        }
                    });
            if (workloads.keySet().stream().noneMatch(k -> k.endsWith("/" + service))) {
                problems.add("service " + service + " has no Deployment or StatefulSet");
            }
        }
    }

    private static void checkScalers(
            List<HasMetadata> objects, Map<String, PodTemplateSpec> workloads, List<String> problems) {
        for (HorizontalPodAutoscaler hpa : Chart.ofKind(objects, HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!workloads.containsKey(target.getKind() + "/" + target.getName())) {
                problems.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " targets " + target.getKind()
                        + "/" + target.getName() + ", which is not rendered");
            }
            objects.stream()
                    .filter(o -> o instanceof Deployment d
                            && d.getMetadata().getName().equals(target.getName())
                            && d.getSpec().getReplicas() != null)
                    .forEach(o -> problems.add("Deployment " + target.getName()
                            + " sets replicas although an HorizontalPodAutoscaler scales it"));
            if (hpa.getSpec().getMinReplicas() == null
                    || hpa.getSpec().getMinReplicas() > hpa.getSpec().getMaxReplicas()) {
                problems.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " has no sound replica range");
            }
        }
        for (PodDisruptionBudget pdb : Chart.ofKind(objects, PodDisruptionBudget.class)) {
            Map<String, String> selector = pdb.getSpec().getSelector().getMatchLabels();
            if (selector == null
                    || workloads.values().stream()
                            .noneMatch(t -> matches(selector, t.getMetadata().getLabels()))) {
                problems.add("PodDisruptionBudget " + pdb.getMetadata().getName() + " selects no workload's pods");
                continue;
            }
            var minAvailable = pdb.getSpec().getMinAvailable();
            if (minAvailable == null || minAvailable.getIntVal() == null) {
                continue;
            }
            for (HasMetadata o : objects) {
                PodTemplateSpec template = o instanceof Deployment d
                        ? d.getSpec().getTemplate()
                        : o instanceof StatefulSet s ? s.getSpec().getTemplate() : null;
                if (template == null
                        || !matches(selector, template.getMetadata().getLabels())) {
                    continue;
                }
                int replicas = fewestReplicas(o, objects);
                if (minAvailable.getIntVal() >= replicas) {
                    problems.add(
                            "PodDisruptionBudget " + pdb.getMetadata().getName() + " keeps " + minAvailable.getIntVal()
                                    + " of " + replicas + " pods available: no node could ever be drained");
                }
            }
        }
    }

    /** The fewest replicas a workload runs with: its HPA's minimum, else its replicas (1 when unset). */
    private static int fewestReplicas(HasMetadata workload, List<HasMetadata> objects) {
        Optional<Integer> scaled = Chart.ofKind(objects, HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals(workload.getKind())
                        && h.getSpec()
                                .getScaleTargetRef()
                                .getName()
                                .equals(workload.getMetadata().getName()))
                .map(h -> h.getSpec().getMinReplicas())
                .filter(Objects::nonNull)
                .findFirst();
        if (scaled.isPresent()) {
            return scaled.get();
        }
        Integer replicas = workload instanceof Deployment d
                ? d.getSpec().getReplicas()
                : ((StatefulSet) workload).getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    private static void checkIngresses(List<HasMetadata> objects, List<String> problems) {
        Map<String, Service> services = new LinkedHashMap<>();
        Chart.ofKind(objects, Service.class)
                .forEach(s -> services.put(s.getMetadata().getName(), s));
        for (Ingress ingress : Chart.ofKind(objects, Ingress.class)) {
            for (var rule : ingress.getSpec().getRules()) {
                for (var path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Service service = services.get(backend.getName());
                    boolean port = service != null
                            && service.getSpec().getPorts().stream()
                                    .anyMatch(p -> Objects.equals(
                                                    p.getName(),
                                                    backend.getPort().getName())
                                            || Objects.equals(
                                                    p.getPort(),
                                                    backend.getPort().getNumber()));
                    if (!port) {
                        problems.add("Ingress " + ingress.getMetadata().getName() + " routes to " + backend.getName()
                                + ", which is no rendered Service with that port");
                    }
                }
            }
        }
    }

    /**
     * Fields the Kubernetes model does not know (a misspelt {@code readinesProbe}, a field at the
     * wrong level): the model keeps them aside as "additional properties", and the API server
     * would drop or refuse them. Custom resources of the operators are not modelled and not checked.
     */
    static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null || node instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (var method : node.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + " has fields the Kubernetes API does not know: " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(method.getName().charAt(3))
                        + method.getName().substring(4);
                unknownFields(value, path + "." + field, problems);
            }
        }
    }
}
