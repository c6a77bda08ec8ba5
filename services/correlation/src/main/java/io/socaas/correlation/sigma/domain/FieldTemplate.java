package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logsource's field mapping value composed of several fields of the event: text with
 * placeholders {@code {<field>}} or {@code {<field>|<form>}}, such as {@code
 * {AccountDomain}\{AccountName}} for Sysmon's {@code User} from a source that records the domain
 * and the name apart. The value is absent when any field it names is absent or not a single value;
 * a form rewrites the field's text as Sysmon writes it:
 *
 * <ul>
 *   <li>{@code registry}: a registry key in long form ({@code HKEY_LOCAL_MACHINE\SYSTEM\ControlSet001\...},
 *       {@code HKEY_CURRENT_USER\S-1-5-21-...\...}) in Sysmon's ({@code HKLM\SYSTEM\CurrentControlSet\...},
 *       {@code HKU\S-1-5-21-...\...}).
 *   <li>{@code dword}, {@code qword}: a number (decimal or {@code 0x} hexadecimal) as Sysmon writes
 *       registry data of those types ({@code DWORD (0x00000001)}, {@code QWORD (0x00000000-0x00000001)}).
 *   <li>{@code dnsname}: a DNS name written with the root's dot ({@code www.example.com.}, as resolvers
 *       log a query) without it, as SigmaHQ's {@code dns} rules write names ({@code www.example.com}).
 *   <li>{@code urldecoded}: a header a log writes percent-encoded ({@code Mozilla/5.0%20(Windows%20NT...)},
 *       as CloudFront does) as the client sent it; a {@code +} stays one, and a text that is not valid
 *       percent-encoding stays as written.
 *   <li>{@code windrive}: a Windows path in the kernel's device form, as EDR sensors report images
 *       ({@code \Device\HarddiskVolume3\Windows\System32\cmd.exe}), with a drive letter as Sysmon
 *       writes it ({@code C:\Windows\System32\cmd.exe}), and a network path ({@code \Device\Mup\server\share\...})
 *       as a UNC path ({@code \\server\share\...}). The device does not say which letter the volume has:
 *       it is read as {@code C:}, the system volume, so that SigmaHQ's paths ({@code C:\Windows\...},
 *       {@code C:\Program Files\...}) and their exclusions hold; a path on another volume keeps its
 *       folders and file name, which is what most rules look at. Any other text stays as written.
 * </ul>
 */
public final class FieldTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}|]+)(?:\\|([a-z]+))?}");
    private static final Map<String, UnaryOperator<String>> FORMS = Map.of(
            "registry", FieldTemplate::registryKey,
            "dword", FieldTemplate::dword,
            "qword", FieldTemplate::qword,
            "dnsname", FieldTemplate::dnsName,
            "urldecoded", FieldTemplate::urlDecoded,
            "windrive", FieldTemplate::driveLetterPath);
    private static final Map<String, FieldTemplate> COMPILED = new ConcurrentHashMap<>();

    private final List<String> texts;
    private final List<String> fields;
    private final List<UnaryOperator<String>> forms;

    private FieldTemplate(List<String> texts, List<String> fields, List<UnaryOperator<String>> forms) {
        this.texts = texts;
        this.fields = fields;
        this.forms = forms;
    }

    /** Whether a field mapping's value is a template rather than a field name. */
    public static boolean isTemplate(String mapped) {
        return mapped.indexOf('{') >= 0;
    }

    /**
     * The template of a field mapping's value, compiled once.
     *
     * @throws IllegalArgumentException when it names no field, an unknown form, or has an unpaired brace
     */
    public static FieldTemplate of(String mapped) {
        FieldTemplate known = COMPILED.get(mapped);
        return known != null ? known : COMPILED.computeIfAbsent(mapped, FieldTemplate::compile);
    }

    private static FieldTemplate compile(String template) {
        List<String> texts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<UnaryOperator<String>> forms = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            texts.add(literal(template, at, m.start()));
            fields.add(m.group(1).strip());
            UnaryOperator<String> form = UnaryOperator.identity();
            if (m.group(2) != null) {
                form = FORMS.get(m.group(2));
                if (form == null) {
                    throw new IllegalArgumentException("unknown form '" + m.group(2) + "' in field template '"
                            + template + "' (known: " + FORMS.keySet() + ")");
                }
            }
            forms.add(form);
            at = m.end();
        }
        texts.add(literal(template, at, template.length()));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("field template '" + template + "' names no field");
        }
        return new FieldTemplate(List.copyOf(texts), List.copyOf(fields), List.copyOf(forms));
    }

    private static String literal(String template, int from, int to) {
        String text = template.substring(from, to);
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unpaired brace in field template '" + template + "'");
        }
        return text;
    }

    /** The fields the template reads. */
    public List<String> fields() {
        return fields;
    }

    /** The composed value, or {@link SigmaEvent.FieldValue#ABSENT} when a field it reads has no single value. */
    SigmaEvent.FieldValue resolve(Function<String, SigmaEvent.FieldValue> field) {
        StringBuilder out = new StringBuilder(texts.getFirst());
        for (int i = 0; i < fields.size(); i++) {
            SigmaEvent.FieldValue value = field.apply(fields.get(i));
            List<Object> candidates = value.candidates();
            if (!value.present() || candidates.size() != 1 || value.value() instanceof List) {
                return SigmaEvent.FieldValue.ABSENT;
            }
            String text = forms.get(i).apply(SigmaEvent.FieldValue.text(candidates.getFirst()));
            if (text == null) {
                return SigmaEvent.FieldValue.ABSENT;
            }
            out.append(text).append(texts.get(i + 1));
        }
        return SigmaEvent.FieldValue.of(out.toString());
    }

    private static final Map<String, String> HIVES = Map.of(
            "HKEY_LOCAL_MACHINE", "HKLM",
            "HKEY_USERS", "HKU",
            "HKEY_CURRENT_USER", "HKU",
            "HKEY_CLASSES_ROOT", "HKCR");
    private static final Pattern CONTROL_SET = Pattern.compile("(?i)^(HKLM\\\\SYSTEM\\\\)ControlSet00\\d(?=\\\\|$)");

    static String registryKey(String key) {
        int slash = key.indexOf('\\');
        String hive = slash < 0 ? key : key.substring(0, slash);
        String shortHive = HIVES.get(hive.toUpperCase(Locale.ROOT));
        String result = shortHive == null ? key : shortHive + (slash < 0 ? "" : key.substring(slash));
        return CONTROL_SET.matcher(result).replaceFirst("$1CurrentControlSet");
    }

    static String dword(String number) {
        Long value = number(number);
        if (value != null && value < 0 && value >= Integer.MIN_VALUE) {
            value &= 0xFFFF_FFFFL; // a DWORD written as a signed 32-bit number
        }
        return value == null || value < 0 || value > 0xFFFF_FFFFL ? null : String.format("DWORD (0x%08x)", value);
    }

    static String qword(String number) {
        Long value = number(number);
        return value == null ? null : String.format("QWORD (0x%08x-0x%08x)", value >>> 32, value & 0xFFFF_FFFFL);
    }

    static String dnsName(String name) {
        return name.length() > 1 && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    static String urlDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static final Pattern HARDDISK_VOLUME = Pattern.compile("(?i)^\\\\Device\\\\HarddiskVolume\\d+(?=\\\\|$)");
    private static final Pattern NETWORK_DEVICE = Pattern.compile("(?i)^\\\\Device\\\\Mup(?=\\\\)");

    static String driveLetterPath(String path) {
        Matcher volume = HARDDISK_VOLUME.matcher(path);
        if (volume.find()) {
            return "C:" + path.substring(volume.end());
        }
        Matcher network = NETWORK_DEVICE.matcher(path);
        if (network.find()) {
            return "\\" + path.substring(network.end());
        }
        return path;
    }

    private static Long number(String text) {
        String t = text.strip();
        try {
            if (t.regionMatches(true, 0, "0x", 0, 2)) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
