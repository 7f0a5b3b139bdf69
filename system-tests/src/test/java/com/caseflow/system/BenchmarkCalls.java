package com.caseflow.system;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls about repairs inside a flat, each as distinct as real ones: a customer of their own (so no call is a repeat of
 * another), a building of its own in its project (so no three customers make a mass incident of one building), and
 * its own wording of a tap, a cracked wall, a window or door, or a floor — matters routing sends to engineering
 * (工程维修部) with normal priority.
 */
final class BenchmarkCalls {

    static final List<String> PROJECTS = List.of("SH-LJY", "HZ-XXH", "SZ-QHW", "BJ-CYG");
    private static final List<String> WET_ROOMS = List.of("厨房", "卫生间", "主卫", "洗衣房");
    private static final List<String> ROOMS = List.of("客厅", "主卧", "次卧", "书房", "餐厅", "儿童房");
    private static final List<String> TAPS = List.of("水龙头拧不紧", "水龙头关不上", "水龙头出水很小", "水龙头把手坏了",
            "水龙头底座松了", "水龙头出水忽冷忽热");
    private static final List<String> WALLS = List.of("墙面开裂，有几道细纹", "墙面开裂，腻子起皮", "墙面开裂，乳胶漆起鼓",
            "墙角开裂，有一条细缝", "墙面开裂，看着很不舒服");
    private static final List<String> OPENINGS = List.of("窗户关不严", "推拉门卡住了推不动", "窗户把手坏了", "门锁不好用",
            "门框变形关不上门", "纱窗破了个洞");
    private static final List<String> FLOORS = List.of("地板起拱", "地板踩上去有响声", "地板有几块翘起来了", "地板鼓包",
            "地板拼缝处翘边");
    private static final List<String> ASKS = List.of("", "，请安排师傅上门看看", "，麻烦尽快处理", "，业主周末在家",
            "，希望这周内修好");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周");

    private final AtomicInteger next = new AtomicInteger();

    /** The form fields of the next call, as the agent's page posts them after F2, F4 and Ctrl+Enter. */
    Map<String, String> next() {
        int i = next.getAndIncrement();
        int kind = (i + i / 4) % 4;
        String room = kind == 0 ? WET_ROOMS.get(i % WET_ROOMS.size()) : ROOMS.get(i % ROOMS.size());
        String matter = room + switch (kind) {
            case 0 -> TAPS.get(i / 4 % TAPS.size());
            case 1 -> WALLS.get(i / 4 % WALLS.size());
            case 2 -> OPENINGS.get(i / 4 % OPENINGS.size());
            default -> FLOORS.get(i / 4 % FLOORS.size());
        } + ASKS.get(i / 16 % ASKS.size());
        Instant now = Instant.now();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        fields.put("ringStartedAt", now.minusSeconds(9).toString());
        fields.put("answeredAt", now.minusSeconds(6).toString());
        fields.put("phone", String.format("1391%07d", i + 1));
        fields.put("callerName", SURNAMES.get(i % SURNAMES.size()) + (i % 2 == 0 ? "先生" : "女士"));
        fields.put("callerType", "OWNER");
        fields.put("projectCode", PROJECTS.get(i % PROJECTS.size()));
        fields.put("unit", (i / 4 + 1) + "栋" + (i % 3 + 1) + "单元" + ((i % 28) + 2) + "0" + (i % 4 + 1));
        fields.put("category", "REPAIR");
        fields.put("matter", matter);
        fields.put("greetingGiven", "true");
        fields.put("settledOnCall", "false");
        return fields;
    }
}
