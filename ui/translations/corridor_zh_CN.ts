<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>an unexpected error (%1)</source>
        <translation>意外错误（%1）</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>this installation offers no demo venue</source>
        <translation>此安装不提供演示论坛</translation>
    </message>
    <message>
        <source>Preparing the demo venue (an embedded relay on 127.0.0.1, several missions, channels of every kind)…</source>
        <translation>正在准备演示论坛（127.0.0.1 上的内置中继、多个代表团、各类频道）…</translation>
    </message>
    <message>
        <source>(demo venue)</source>
        <translation>（演示论坛）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Wrong passphrase: it does not open this device&apos;s key file. Try again.</source>
        <translation>密码短语错误：无法打开此设备的密钥文件。请重试。</translation>
    </message>
    <message>
        <source>You are %1 (%2) of %3.</source>
        <translation>您是 %3 代表团的 %1（%2）。</translation>
    </message>
    <message>
        <source>Your certificate is valid until %1.</source>
        <translation>您的证书有效期至 %1。</translation>
    </message>
    <message>
        <source>Venue root (pinned): %1</source>
        <translation>论坛根证书（已固定）：%1</translation>
    </message>
    <message>
        <source>Could not open Corridor: %1</source>
        <translation>无法打开 Corridor：%1</translation>
    </message>
    <message>
        <source>Could not open the venue in %1: %2</source>
        <translation>无法打开 %1 中的论坛：%2</translation>
    </message>
</context>
<context>
    <name>Attach</name>
    <message>
        <source>Send a file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>%1 的预览</translation>
    </message>
    <message>
        <source>Send “%1” (%2) to “%3”? Everyone in the channel can download it; it cannot be recalled from their devices.</source>
        <translation>将“%1”（%2）发送到“%3”？频道中的每个人都可以下载，且无法从他们的设备上撤回。</translation>
    </message>
    <message>
        <source>&amp;Caption (optional):</source>
        <translation>说明（可选）(&amp;C)：</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>A backup holds the history of every channel, not this device&apos;s key nor its encryption state: a restored device is a new device. Its history from before is restored as readable, verified pages in its archive folder; once your mission&apos;s devices have added it, it reads new messages in every channel.</source>
        <translation>备份包含每个频道的历史记录，但不包含本设备的密钥及其加密状态：恢复的设备是一台新设备。之前的历史记录会以可阅读、已验证的页面恢复到其存档文件夹；当您代表团的设备将其加入后，它即可读取每个频道的新消息。</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>备份历史记录</translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>恢复历史记录</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>备份密码短语</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>Backup passphrase, again</source>
        <translation>再次输入备份密码短语</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>请输入密码短语。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>&amp;Open the venue&apos;s calendar…</source>
        <translation>打开会场日历(&amp;O)…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>导出到日历(&amp;X)…</translation>
    </message>
    <message>
        <source>Could not read the calendar: %1</source>
        <translation>无法读取日历：%1</translation>
    </message>
    <message>
        <source>No calendar yet: open the file of regular meetings your venue hands out.</source>
        <translation>尚无日历：请打开会场分发的例会文件。</translation>
    </message>
    <message>
        <source>Times in UTC. The export keeps each meeting&apos;s recurrence and agenda.</source>
        <translation>时间为 UTC。导出会保留每次会议的重复规则和议程。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Calendar written to %1</source>
        <translation>日历已写入 %1</translation>
    </message>
    <message>
        <source>Open the venue&apos;s calendar</source>
        <translation>打开会场日历</translation>
    </message>
    <message>
        <source>Calendar (*.json)</source>
        <translation>日历 (*.json)</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
</context>
<context>
    <name>ChannelList</name>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>双边</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>多边</translation>
    </message>
    <message>
        <source>Caucus</source>
        <translation>核心小组</translation>
    </message>
    <message>
        <source>Missions: %1</source>
        <translation>代表团：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1，%2 条未读</translation>
    </message>
    <message>
        <source>routing warning</source>
        <translation>路由警告</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Jump to the newest messages</source>
        <translation>跳到最新消息</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认收到(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save attachment…</source>
        <translation>保存附件(&amp;S)…</translation>
    </message>
    <message>
        <source>Jump to the &amp;newest messages</source>
        <translation>跳到最新消息(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>复制文本(&amp;C)</translation>
    </message>
    <message>
        <source>Send a&amp;gain</source>
        <translation>重新发送(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Discard unsent message</source>
        <translation>丢弃未发送的消息(&amp;D)</translation>
    </message>
    <message>
        <source>React with %1</source>
        <translation>用 %1 回应</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n 条新消息 ↓</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;act</source>
        <translation>回应(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Write a message — Enter sends, Shift+Enter for a new line</source>
        <translation>输入消息 — Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>A&amp;ttach…</source>
        <translation>附加(&amp;T)…</translation>
    </message>
    <message>
        <source>Needs ac&amp;knowledgement</source>
        <translation>需要确认收到(&amp;K)</translation>
    </message>
    <message>
        <source>Hotline: the other missions are asked to acknowledge</source>
        <translation>热线：请其他代表团确认收到</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标识</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>密级标识(&amp;M)：</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>回复 %1：%2</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>正在编辑您的消息</translation>
    </message>
</context>
<context>
    <name>Crisis</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>已查看</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认收到</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>副手</translation>
    </message>
    <message>
        <source>head of mission</source>
        <translation>代表团团长</translation>
    </message>
    <message>
        <source>replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>meeting requested</source>
        <translation>已请求开会</translation>
    </message>
    <message>
        <source>meeting called</source>
        <translation>已召集会议</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>remotely</source>
        <translation>远程</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>由他人代表</translation>
    </message>
    <message>
        <source>cannot attend</source>
        <translation>无法出席</translation>
    </message>
    <message>
        <source>unanswered %1</source>
        <translation>%1 未答复</translation>
    </message>
    <message>
        <source>unanswered %1 — escalated to %2</source>
        <translation>%1 未答复 — 已升级至：%2</translation>
    </message>
    <message>
        <source>Hotline call</source>
        <translation>热线呼叫</translation>
    </message>
    <message>
        <source>%1 (mission %2)</source>
        <translation>%1（代表团 %2）</translation>
    </message>
    <message>
        <source>Flash: reply within 10 minutes</source>
        <translation>特急：10 分钟内答复</translation>
    </message>
    <message>
        <source>Urgent: reply within 1 hour</source>
        <translation>紧急：1 小时内答复</translation>
    </message>
    <message>
        <source>Routine: reply within 24 hours</source>
        <translation>常规：24 小时内答复</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>频道(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>详情(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>密级标识(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Call now</source>
        <translation>立即呼叫(&amp;C)</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>要求说明</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>频道(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;To mission:</source>
        <translation>致代表团(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>事项(&amp;W)：</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>地点(&amp;H)：</translation>
    </message>
    <message>
        <source>Wh&amp;en:</source>
        <translation>时间(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>参考编号(&amp;R)：</translation>
    </message>
    <message>
        <source>The mission must reply within 48 hours.</source>
        <translation>该代表团须在 48 小时内答复。</translation>
    </message>
    <message>
        <source>&amp;Send request</source>
        <translation>发送要求(&amp;S)</translation>
    </message>
    <message>
        <source>Crisis desk</source>
        <translation>危机处置台</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认收到(&amp;A)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>发起方 → 接收方</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标识</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>&amp;Call…</source>
        <translation>呼叫(&amp;C)…</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>确认收到(&amp;K)</translation>
    </message>
    <message>
        <source>A&amp;nswer…</source>
        <translation>答复(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Hotline</source>
        <translation>热线(&amp;H)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>&amp;Request…</source>
        <translation>提出要求(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;ply…</source>
        <translation>回复(&amp;P)…</translation>
    </message>
    <message>
        <source>Ask the chair for a &amp;meeting</source>
        <translation>请主席召开会议(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Explanations</source>
        <translation>说明(&amp;E)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>召集人</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>Attending in person</source>
        <translation>现场出席</translation>
    </message>
    <message>
        <source>Attending remotely</source>
        <translation>远程出席</translation>
    </message>
    <message>
        <source>Represented by…</source>
        <translation>由他人代表…</translation>
    </message>
    <message>
        <source>Cannot attend</source>
        <translation>无法出席</translation>
    </message>
    <message>
        <source>who represents your mission</source>
        <translation>代表贵代表团的人</translation>
    </message>
    <message>
        <source>&amp;Answer for my mission</source>
        <translation>代表本代表团答复(&amp;A)</translation>
    </message>
    <message>
        <source>Proposed in bilateral channels (nobody convenes there):</source>
        <translation>双边频道中的提议（那里无人召集）：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提议人</translation>
    </message>
    <message>
        <source>Place and agenda</source>
        <translation>地点和议程</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Acce&amp;pt</source>
        <translation>接受(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>拒绝(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>会议(&amp;M)</translation>
    </message>
    <message>
        <source>Ca&amp;lendar</source>
        <translation>日历(&amp;L)</translation>
    </message>
    <message>
        <source>Ring even when Corridor was not opened: &amp;start it when I log in</source>
        <translation>即使未打开 Corridor 也要响铃：登录时启动(&amp;S)</translation>
    </message>
    <message>
        <source>%1 HOTLINE CALL from %2: %3 — %4</source>
        <translation>%1 热线呼叫，来自 %2：%3 — %4</translation>
    </message>
    <message>
        <source>On duty: %1 · deputy %2 · head of mission %3</source>
        <translation>值班：%1 · 副手 %2 · 代表团团长 %3</translation>
    </message>
    <message>
        <source>No duty roster: every delegate of your mission is called</source>
        <translation>没有值班表：将呼叫本代表团的所有代表</translation>
    </message>
    <message>
        <source>Mission %1: someone on duty</source>
        <translation>代表团 %1：有人值班</translation>
    </message>
    <message>
        <source>Mission %1: nobody on duty</source>
        <translation>代表团 %1：无人值班</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <source>%1 accepts</source>
        <translation>%1 接受</translation>
    </message>
    <message>
        <source>%1 declines</source>
        <translation>%1 拒绝</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>尚无答复</translation>
    </message>
    <message>
        <source>%1 is available to talk until %2</source>
        <translation>%1 在 %2 之前可以交谈</translation>
    </message>
    <message>
        <source>Sent %1 · reply by %2</source>
        <translation>发送于 %1 · 答复期限 %2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>called %1 at %2%3</source>
        <translation>已于 %2 呼叫第 %1 级%3</translation>
    </message>
    <message>
        <source>Answer the call</source>
        <translation>答复呼叫</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答复：</translation>
    </message>
    <message>
        <source>Reply to the request</source>
        <translation>回复要求</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>%1 (venue: %2)</source>
        <translation>%1(会场:%2)</translation>
    </message>
    <message>
        <source>under silence; broken so far by %1</source>
        <translation>默许程序中;目前打破者:%1</translation>
    </message>
    <message>
        <source>under silence</source>
        <translation>默许程序中</translation>
    </message>
    <message>
        <source>broken by %1</source>
        <translation>被 %1 打破</translation>
    </message>
    <message>
        <source>disputed: break sent at %1, not confirmed</source>
        <translation>有争议:%1 发出的异议未获确认</translation>
    </message>
    <message>
        <source>pending: a later revision was not received</source>
        <translation>待定:未收到后续修订版</translation>
    </message>
    <message>
        <source>pending: awaiting closing statements from %1</source>
        <translation>待定:等待 %1 的结束声明</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>agreed by %1 of %2 missions at version %3</source>
        <translation>%2 个代表团中 %1 个同意第 %3 版</translation>
    </message>
    <message>
        <source>Editors take the lock first</source>
        <translation>编辑者须先取得锁定</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>频道(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T):</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>文本(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Silence period (hours):</source>
        <translation>默许期限(小时)(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>密级标识(&amp;M)：</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标识</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>&amp;Put under silence…</source>
        <translation>提交默许程序(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Break silence…</source>
        <translation>打破沉默(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw my break</source>
        <translation>撤回我的异议(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;vise…</source>
        <translation>修订(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Silence procedure</source>
        <translation>默许程序(&amp;S)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>同意情况</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>&amp;New document…</source>
        <translation>新建文件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Comment…</source>
        <translation>评论(&amp;C)…</translation>
    </message>
    <message>
        <source>Si&amp;gn off</source>
        <translation>签署同意(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Diff…</source>
        <translation>差异(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Drafting</source>
        <translation>共同起草(&amp;D)</translation>
    </message>
    <message>
        <source>You take part as an observer: you cannot break silence or sign off.</source>
        <translation>您以观察员身份参加:不能打破沉默或签署同意。</translation>
    </message>
    <message>
        <source>Your break (%1) is not confirmed: %2 have not acknowledged it. Raise it by other means.</source>
        <translation>您的异议(%1)未获确认:%2 尚未确认收到。请通过其他途径提出。</translation>
    </message>
    <message>
        <source>Revision %1 put by %2 · text SHA-256 %3</source>
        <translation>第 %1 次修订,由 %2 提交 · 文本 SHA-256 %3</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>%1 broke silence at %2: %3 (%4)</source>
        <translation>%1 于 %2 打破沉默:%3(%4)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>结果:%1</translation>
    </message>
    <message>
        <source>Version %1 by %2 at %3</source>
        <translation>第 %1 版,%2,%3</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>观察员</translation>
    </message>
    <message>
        <source>Signed off: %1</source>
        <translation>已签署同意:%1</translation>
    </message>
    <message>
        <source>Put a text under silence</source>
        <translation>将文本提交默许程序</translation>
    </message>
    <message>
        <source>Break silence</source>
        <translation>打破沉默</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由:</translation>
    </message>
    <message>
        <source>Revise the text (the clock restarts)</source>
        <translation>修订文本(期限重新计算)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>新建文件</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Paragraph:</source>
        <translation>段落:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>评论:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>From version:</source>
        <translation>起始版本:</translation>
    </message>
    <message>
        <source>Export the agreed text</source>
        <translation>导出已同意的文本</translation>
    </message>
    <message>
        <source>D&amp;ecisions…</source>
        <translation>决定(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>My devices</source>
        <translation>我的设备</translation>
    </message>
    <message>
        <source>Reading the venue directory…</source>
        <translation>正在读取论坛目录…</translation>
    </message>
    <message>
        <source>&amp;Remove device…</source>
        <translation>移除设备(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected device</source>
        <translation>移除所选设备</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>您在论坛中有 %n 台设备。移除丢失的设备后，它将无法再连接，并会从所有频道中移除。</numerusform>
        </translation>
    </message>
    <message>
        <source>The devices could not be read: %1</source>
        <translation>无法读取设备：%1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>已移除 %1：它无法再连接，正在从 %n 个频道中移除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>它将无法再连接论坛，并会从其 %n 个频道中移除：它将无法读取任何新消息。此操作无法撤销。如果设备可能落入他人之手，请同时请您的代表团吊销其证书。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>移除设备</translation>
    </message>
    <message>
        <source>Remove your device %1 (%2)?</source>
        <translation>移除您的设备 %1（%2）？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Exactly two missions: yours and one other. Nobody can change the pair.</source>
        <translation>恰好两个代表团：您的代表团和另一个。任何人都不能更改这一组合。</translation>
    </message>
    <message>
        <source>Several missions (a working group). You convene it and may change it.</source>
        <translation>多个代表团（工作组）。由您召集，您可以修改。</translation>
    </message>
    <message>
        <source>A private group of allied missions, invisible to everyone else.</source>
        <translation>友好代表团的私密小组，其他人均不可见。</translation>
    </message>
    <message>
        <source>Every mission of the venue; only the chair posts. Chair only.</source>
        <translation>论坛的所有代表团；只有主席可以发布。仅限主席。</translation>
    </message>
    <message>
        <source>What kind of channel?</source>
        <translation>哪种频道？</translation>
    </message>
    <message>
        <source>The kind decides who may join, who may change the members and who may post. It never changes later.</source>
        <translation>类型决定谁可以加入、谁可以更改成员以及谁可以发布。之后永远不会改变。</translation>
    </message>
    <message>
        <source>&amp;Bilateral</source>
        <translation>双边(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Multilateral</source>
        <translation>多边(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Caucus</source>
        <translation>核心小组(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>Name and missions</source>
        <translation>名称和代表团</translation>
    </message>
    <message>
        <source>For example: Working group on incident prevention</source>
        <translation>例如：预防事件工作组</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>代表团</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Missions:</source>
        <translation>代表团(&amp;M)：</translation>
    </message>
    <message>
        <source>%1 (your mission)</source>
        <translation>%1（您的代表团）</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>请为频道命名。</translation>
    </message>
    <message>
        <source>✓ The channel policy allows this.</source>
        <translation>✓ 频道策略允许此操作。</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>新频道</translation>
    </message>
    <message>
        <source>QR code of the safety number</source>
        <translation>安全码的二维码</translation>
    </message>
    <message>
        <source>QR code unavailable (install qrcode)</source>
        <translation>二维码不可用（请安装 qrcode）</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>验证 %1</translation>
    </message>
    <message>
        <source>Compare these words with %1, in person or on a call you trust. If they match on both devices, nobody has substituted a key.</source>
        <translation>请当面或通过您信任的通话与 %1 核对这些词语。如果两台设备上的词语一致，就没有人替换过密钥。</translation>
    </message>
    <message>
        <source>This device: %1
Their device: %2</source>
        <translation>本设备：%1
对方设备：%2</translation>
    </message>
    <message>
        <source>They &amp;match — mark as verified</source>
        <translation>一致 — 标记为已验证(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>以后再说(&amp;N)</translation>
    </message>
    <message>
        <source>Verified ✔ — close</source>
        <translation>已验证 ✔ — 关闭</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>显示桌面通知(&amp;N)</translation>
    </message>
    <message>
        <source>Start Corridor when I log &amp;in (in the tray, so hotline calls ring)</source>
        <translation>登录时启动 Corridor（驻留托盘，以便热线呼叫响铃）(&amp;I)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>A new language applies when Corridor restarts.</source>
        <translation>新语言将在 Corridor 重新启动后生效。</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Disappearing messages in “%1”:</source>
        <translation>“%1”中的阅后即焚消息(&amp;D)：</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>Search this device&apos;s messages (whole words; “word*” for a prefix)</source>
        <translation>搜索此设备上的消息（整词匹配；“词*”匹配前缀）</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
    <message>
        <source>Post a revised agenda</source>
        <translation>发布修订后的议程</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>议程(&amp;A)：</translation>
    </message>
    <message>
        <source>Convene an emergency meeting</source>
        <translation>召集紧急会议</translation>
    </message>
    <message>
        <source>e.g. Conference room B</source>
        <translation>例如：B 会议室</translation>
    </message>
    <message>
        <source>Why the meeting is needed: every mission reads this before acknowledging.</source>
        <translation>为何需要开会：每个代表团在确认收到前都会阅读此内容。</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>链接(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>审阅(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Convene now</source>
        <translation>立即召集(&amp;C)</translation>
    </message>
    <message>
        <source>Give the reason: every mission reads it before acknowledging.</source>
        <translation>请填写理由：每个代表团在确认收到前都会阅读。</translation>
    </message>
    <message>
        <source>That time is in the past.</source>
        <translation>该时间已经过去。</translation>
    </message>
    <message>
        <source>Every mission in “%1” will be alarmed and asked to acknowledge.</source>
        <translation>“%1”中的每个代表团都将收到警报，并被要求确认收到。</translation>
    </message>
    <message>
        <source>this channel</source>
        <translation>此频道</translation>
    </message>
    <message>
        <source>When: %1 (%2)</source>
        <translation>时间：%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>%n 分钟后</numerusform>
        </translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>链接：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>Welcome to Corridor</source>
        <translation>欢迎使用 Corridor</translation>
    </message>
    <message>
        <source>This device is not enrolled in a venue yet (home: %1).</source>
        <translation>此设备尚未在任何论坛注册（主目录：%1）。</translation>
    </message>
    <message>
        <source>Open a &amp;demo venue</source>
        <translation>打开演示论坛(&amp;D)</translation>
    </message>
    <message>
        <source>A complete venue on this computer only (127.0.0.1): several missions, channels of every kind and delegates who answer.</source>
        <translation>仅在本机（127.0.0.1）上运行的完整论坛：多个代表团、各类频道以及会回复的代表。</translation>
    </message>
    <message>
        <source>&amp;Enrol this device…</source>
        <translation>注册此设备(&amp;E)…</translation>
    </message>
    <message>
        <source>You need your accreditation letter (the venue root fingerprint) and your mission admin.</source>
        <translation>您需要注册确认函（其中有论坛根证书的指纹）以及代表团的管理员。</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Unlock Corridor</source>
        <translation>解锁 Corridor</translation>
    </message>
    <message>
        <source>This device&apos;s keys are in a passphrase-protected file (no OS keyring is in use). Enter its passphrase to open
%1</source>
        <translation>此设备的密钥保存在受密码短语保护的文件中（未使用操作系统密钥环）。请输入密码短语以打开
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入密码短语。</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>1. This device&apos;s key</source>
        <translation>1. 此设备的密钥</translation>
    </message>
    <message>
        <source>Corridor makes a signature key on this computer (it never leaves it) and a certificate request for your mission admin.</source>
        <translation>Corridor 会在本机上生成签名密钥（它永远不会离开本机），并为您的代表团管理员生成证书申请。</translation>
    </message>
    <message>
        <source>as your mission admin gave it, e.g. amartin</source>
        <translation>按代表团管理员提供的填写，例如 amartin</translation>
    </message>
    <message>
        <source>your name as others see it, e.g. Alice Martin</source>
        <translation>他人看到的您的姓名，例如 Alice Martin</translation>
    </message>
    <message>
        <source>&amp;Delegate id:</source>
        <translation>代表 ID(&amp;D)：</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>显示名称(&amp;N)：</translation>
    </message>
    <message>
        <source>This computer has no usable OS keyring: the key goes into a file protected by a passphrase you choose now (at least %1 characters). You will type it each time Corridor starts.</source>
        <translation>本机没有可用的操作系统密钥环：密钥将存入一个文件，由您现在设置的密码短语保护（至少 %1 个字符）。每次启动 Corridor 时都需要输入。</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>Fill in your delegate id and display name.</source>
        <translation>请填写代表 ID 和显示名称。</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>密码短语至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <source>Making the key and the request…</source>
        <translation>正在生成密钥和申请…</translation>
    </message>
    <message>
        <source>2. Send the request to your mission admin</source>
        <translation>2. 将申请发送给代表团管理员</translation>
    </message>
    <message>
        <source>They sign it and send you back your device certificate and your mission&apos;s certificate; the secretariat&apos;s venue root certificate comes with them.</source>
        <translation>管理员签署后，会将您的设备证书和代表团证书发回给您；秘书处的论坛根证书也会一并发送。</translation>
    </message>
    <message>
        <source>&amp;Save a copy of the request…</source>
        <translation>保存申请副本(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy its location</source>
        <translation>复制其位置(&amp;C)</translation>
    </message>
    <message>
        <source>Send it by your ministry&apos;s usual channel. The request holds no secret. You may close Corridor now: the next time it starts, it continues with the next step. When your admin calls to confirm, read them the device key above.</source>
        <translation>请通过贵部的常用渠道发送。申请中不含任何秘密。您现在可以关闭 Corridor：下次启动时将从下一步继续。管理员来电确认时，请向其念出上面的设备密钥。</translation>
    </message>
    <message>
        <source>Your request: %1</source>
        <translation>您的申请：%1</translation>
    </message>
    <message>
        <source>Device key: %1</source>
        <translation>设备密钥：%1</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>保存申请</translation>
    </message>
    <message>
        <source>Certificate request (*.pem)</source>
        <translation>证书申请 (*.pem)</translation>
    </message>
    <message>
        <source>Your request: %1 (a copy is in %2)</source>
        <translation>您的申请：%1（副本位于 %2）</translation>
    </message>
    <message>
        <source>3. Import your certificates</source>
        <translation>3. 导入证书</translation>
    </message>
    <message>
        <source>Choose the files your mission admin sent. The venue root is accepted only if its fingerprint matches your accreditation letter.</source>
        <translation>请选择代表团管理员发来的文件。只有当论坛根证书的指纹与注册确认函一致时，才会接受该根证书。</translation>
    </message>
    <message>
        <source>C&amp;hoose the files…</source>
        <translation>选择文件(&amp;H)…</translation>
    </message>
    <message>
        <source>Your &amp;device certificate:</source>
        <translation>您的设备证书(&amp;D)：</translation>
    </message>
    <message>
        <source>Your &amp;mission&apos;s certificate:</source>
        <translation>您的代表团证书(&amp;M)：</translation>
    </message>
    <message>
        <source>The venue &amp;root certificate:</source>
        <translation>论坛根证书(&amp;R)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>64 hex digits or 32 words, from the letter</source>
        <translation>确认函中的 64 位十六进制数字或 32 个词</translation>
    </message>
    <message>
        <source>Root &amp;fingerprint:</source>
        <translation>根证书指纹(&amp;F)：</translation>
    </message>
    <message>
        <source>Re&amp;lay address:</source>
        <translation>中继地址(&amp;L)：</translation>
    </message>
    <message>
        <source>The files from your mission admin</source>
        <translation>代表团管理员发来的文件</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>仍缺少：%1</translation>
    </message>
    <message>
        <source>Choose a certificate</source>
        <translation>选择证书</translation>
    </message>
    <message>
        <source>Checking the fingerprint and the certificates…</source>
        <translation>正在检查指纹和证书…</translation>
    </message>
    <message>
        <source>4. Enrolled</source>
        <translation>4. 注册完成</translation>
    </message>
    <message>
        <source>The venue root is pinned and your certificate verifies.</source>
        <translation>论坛根证书已固定，您的证书验证通过。</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>注册此设备</translation>
    </message>
    <message>
        <source>&amp;Open the venue</source>
        <translation>打开论坛(&amp;O)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Corridor — %1</source>
        <translation>Corridor — %1</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>&amp;New channel…</source>
        <translation>新建频道(&amp;N)…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connection to the relay</source>
        <translation>与中继的连接</translation>
    </message>
    <message>
        <source>&amp;Corridor</source>
        <translation>Corridor(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Leave channel…</source>
        <translation>退出频道(&amp;L)…</translation>
    </message>
    <message>
        <source>Transparency log: my &amp;mission…</source>
        <translation>透明日志：我的代表团(&amp;M)…</translation>
    </message>
    <message>
        <source>C&amp;risis desk…</source>
        <translation>危机处置台(&amp;R)…</translation>
    </message>
    <message>
        <source>My &amp;devices…</source>
        <translation>我的设备(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;xport channel history…</source>
        <translation>导出频道历史(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Back up history…</source>
        <translation>备份历史记录(&amp;B)…</translation>
    </message>
    <message>
        <source>Rest&amp;ore history…</source>
        <translation>恢复历史记录(&amp;O)…</translation>
    </message>
    <message>
        <source>M&amp;ute this channel</source>
        <translation>将此频道静音(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;hair</source>
        <translation>主席(&amp;H)</translation>
    </message>
    <message>
        <source>Post a revised &amp;agenda…</source>
        <translation>发布修订后的议程(&amp;A)…</translation>
    </message>
    <message>
        <source>Convene an &amp;emergency meeting…</source>
        <translation>召集紧急会议(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Channels</source>
        <translation>频道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>消息(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;ompose</source>
        <translation>撰写(&amp;O)</translation>
    </message>
    <message>
        <source>M&amp;embers</source>
        <translation>成员(&amp;E)</translation>
    </message>
    <message>
        <source>Next &amp;unread channel</source>
        <translation>下一个未读频道(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Corridor</source>
        <translation>关于 Corridor(&amp;A)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>打开 Corridor(&amp;O)</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Corridor keeps running in the tray, so a hotline call can ring. Quit ends it.</source>
        <translation>Corridor 在系统托盘中继续运行，以便热线呼叫能够响铃。选择“退出”即结束。</translation>
    </message>
    <message>
        <source>Corridor — %1 unread</source>
        <translation>Corridor — %1 条未读</translation>
    </message>
    <message>
        <source>Classification ceiling: %1</source>
        <translation>密级上限：%1</translation>
    </message>
    <message>
        <source>The venue&apos;s classification levels, lowest first: %1</source>
        <translation>会场的密级（由低到高）：%1</translation>
    </message>
    <message>
        <source>Only the chair posts in this notice channel.</source>
        <translation>此通知频道只有主席可以发布。</translation>
    </message>
    <message>
        <source>You can no longer post in this channel.</source>
        <translation>您已不能在此频道发布。</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>有一条消息未发送：%1</translation>
    </message>
    <message>
        <source>Security alarm: the relay&apos;s directory — %1</source>
        <translation>安全警报：中继的目录 — %1</translation>
    </message>
    <message>
        <source>A change to this channel was voided by its missions</source>
        <translation>此频道的一项更改已被其代表团作废</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>离线 — 正在重新连接…</translation>
    </message>
    <message>
        <source>Emergency meeting</source>
        <translation>紧急会议</translation>
    </message>
    <message>
        <source>%1 convened an emergency meeting</source>
        <translation>%1 召集了紧急会议</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>来自 %1 的新消息</translation>
    </message>
    <message>
        <source>⏱ Messages disappear after %1 (set by %2)</source>
        <translation>⏱ 消息将在 %1 后消失（由 %2 设置）</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>一位成员</translation>
    </message>
    <message>
        <source>About Corridor</source>
        <translation>关于 Corridor</translation>
    </message>
    <message>
        <source>Corridor %1</source>
        <translation>Corridor %1</translation>
    </message>
    <message>
        <source>End-to-end-encrypted messaging (MLS, RFC 9420) for the delegations of a multilateral forum.
Licensed under the Apache License, Version 2.0.</source>
        <translation>为多边论坛各代表团提供的端到端加密通信（MLS，RFC 9420）。
依据 Apache 许可证 2.0 版授权。</translation>
    </message>
    <message>
        <source>This device trusts the venue whose root certificate has the fingerprint:
%1
%2
Compare it with the one the secretariat published.</source>
        <translation>本设备信任根证书指纹如下的论坛：
%1
%2
请与秘书处公布的指纹核对。</translation>
    </message>
    <message>
        <source>Withdraw message</source>
        <translation>撤回消息</translation>
    </message>
    <message>
        <source>Withdraw this message for everyone in the channel?</source>
        <translation>要为频道中的所有人撤回这条消息吗？</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>退出频道</translation>
    </message>
    <message>
        <source>Leave “%1” on this device?</source>
        <translation>要在此设备上退出“%1”吗？</translation>
    </message>
    <message>
        <source>The messages you have stay readable on this device. It will receive no new messages in this channel, and the other members will see this device leave. Your other devices stay in the channel.</source>
        <translation>您已有的消息在此设备上仍可阅读。此设备将不再接收此频道的新消息，其他成员会看到此设备退出。您的其他设备仍留在频道中。</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>You left “%1” on this device.</source>
        <translation>您已在此设备上退出“%1”。</translation>
    </message>
    <message>
        <source>Offline: leaving “%1” goes at the next connection.</source>
        <translation>离线：退出“%1”将在下次连接时发送。</translation>
    </message>
    <message>
        <source>Discard message</source>
        <translation>丢弃消息</translation>
    </message>
    <message>
        <source>This message was never delivered. Delete it from this device?</source>
        <translation>这条消息从未送达。要从此设备删除吗？</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Sending “%1”…</source>
        <translation>正在发送“%1”…</translation>
    </message>
    <message>
        <source>“%1” is queued; the conversation shows it as sent once the relay has it.</source>
        <translation>“%1”已排队；中继收到后，会话中会显示为已发送。</translation>
    </message>
    <message>
        <source>“%1” is too large to send. Files up to %2 can be attached.</source>
        <translation>“%1”太大，无法发送。可附加的文件最大为 %2。</translation>
    </message>
    <message>
        <source>The relay&apos;s storage for your attachments is full, so “%1” was not sent. Ask the secretariat, or try again later.</source>
        <translation>中继上存放您附件的空间已满，因此“%1”未发送。请联系秘书处，或稍后重试。</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” was not sent. Try again when you are back online.</source>
        <translation>无法连接中继，因此“%1”未发送。请在恢复联网后重试。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” was not sent: %2</source>
        <translation>“%1”未发送：%2</translation>
    </message>
    <message>
        <source>Attachment not sent</source>
        <translation>附件未发送</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>正在下载“%1”…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>“%1” was NOT saved: the file the relay returned does not match what the sender sent (it was altered or damaged on the way). Nothing was written. Ask the sender to send it again.</source>
        <translation>“%1”未保存：中继返回的文件与发送者发送的不一致（在传输途中被篡改或损坏）。未写入任何内容。请让发送者重新发送。</translation>
    </message>
    <message>
        <source>The relay cannot be reached, so “%1” could not be downloaded.</source>
        <translation>无法连接中继，因此无法下载“%1”。</translation>
    </message>
    <message>
        <source>“%1” could not be saved: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>Attachment not saved</source>
        <translation>附件未保存</translation>
    </message>
    <message>
        <source>Creating “%1”…</source>
        <translation>正在创建“%1”…</translation>
    </message>
    <message>
        <source>Back up history</source>
        <translation>备份历史记录</translation>
    </message>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个频道的历史记录备份到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore history</source>
        <translation>恢复历史记录</translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>已将 %n 个频道的历史记录恢复到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Muted: only emergency meetings, acknowledgement requests and hotline calls notify from this channel.</source>
        <translation>已静音：此频道只有紧急会议、确认请求和热线呼叫会发出通知。</translation>
    </message>
    <message>
        <source>Notifications on for this channel.</source>
        <translation>已开启此频道的通知。</translation>
    </message>
    <message>
        <source>Export channel history</source>
        <translation>导出频道历史</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>已将 %n 条消息导出到 %1，并由本设备签名。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Marking</name>
    <message>
        <source>Classification marking: only the levels the channel&apos;s ceiling allows are offered</source>
        <translation>密级标识：仅提供频道密级上限允许的级别</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>密级标识(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>this device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ 已验证</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Device key %1</source>
        <translation>设备密钥 %1</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>%1 · observer</source>
        <translation>%1 · 观察员</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>read by %1</source>
        <translation>%1 已读</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>acknowledged by %1</source>
        <translation>%1 已确认收到</translation>
    </message>
    <message>
        <source>awaiting acknowledgement</source>
        <translation>等待确认收到</translation>
    </message>
    <message>
        <source>disappears %1</source>
        <translation>%1 消失</translation>
    </message>
    <message>
        <source>File: %1 · %2 · %3 — Save… (Ctrl+S)</source>
        <translation>文件：%1 · %2 · %3 — 保存…（Ctrl+S）</translation>
    </message>
    <message>
        <source>EMERGENCY MEETING</source>
        <translation>紧急会议</translation>
    </message>
    <message>
        <source>Agenda notice (revision %1)</source>
        <translation>议程通知（第 %1 版）</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>会议：%1</translation>
    </message>
    <message>
        <source>Disappearing messages: %1</source>
        <translation>阅后即焚消息：%1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>an earlier message</source>
        <translation>一条较早的消息</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>&amp;Notices and aid…</source>
        <translation>通报与援助(&amp;N)…</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>已通报</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1:%n 项演习</numerusform>
        </translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>已提供</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Exercise notice</source>
        <translation>演习预先通报</translation>
    </message>
    <message>
        <source>%1 (ceiling %2)</source>
        <translation>%1（上限 %2）</translation>
    </message>
    <message>
        <source>troops=3000, tanks=40</source>
        <translation>部队=3000, 坦克=40</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>No channel to send to</source>
        <translation>没有可发送的频道</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Forces</source>
        <translation>兵力</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标识</translation>
    </message>
    <message>
        <source>Request aid</source>
        <translation>请求援助</translation>
    </message>
    <message>
        <source>water=20000:litres, tents=300</source>
        <translation>水=20000:升, 帐篷=300</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Incident notification</source>
        <translation>事件通报</translation>
    </message>
    <message>
        <source>-90 to 90</source>
        <translation>-90 至 90</translation>
    </message>
    <message>
        <source>-180 to 180</source>
        <translation>-180 至 180</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>%1 to %2: %3</source>
        <translation>%1 致 %2:%3</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Units involved</source>
        <translation>涉及单位</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Request for explanation</source>
        <translation>澄清请求</translation>
    </message>
    <message>
        <source>Amend the annual exchange</source>
        <translation>修改年度信息交换</translation>
    </message>
    <message>
        <source>Submit the annual exchange</source>
        <translation>提交年度信息交换</translation>
    </message>
    <message>
        <source>what the amendment changes</source>
        <translation>修改内容说明</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Amendment note</source>
        <translation>修改说明</translation>
    </message>
    <message>
        <source>Say what the amendment changes</source>
        <translation>请说明修改了什么</translation>
    </message>
    <message>
        <source>Due date of the annual exchange</source>
        <translation>年度信息交换截止日期</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>The due date must be in the future</source>
        <translation>截止日期必须在将来</translation>
    </message>
    <message>
        <source>Publish a template</source>
        <translation>发布模板</translation>
    </message>
    <message>
        <source>ship-incident</source>
        <translation>ship-incident</translation>
    </message>
    <message>
        <source>time, position, ship, intent</source>
        <translation>时间, 位置, 舰船, 意图</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Fill in a template</source>
        <translation>填写模板</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>No template has been published</source>
        <translation>尚未发布任何模板</translation>
    </message>
    <message>
        <source>Fill in %1</source>
        <translation>请填写 %1</translation>
    </message>
    <message>
        <source>Notices and aid</source>
        <translation>通报与援助</translation>
    </message>
    <message>
        <source>&amp;New exercise notice…</source>
        <translation>新建演习通报(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Cancel notice</source>
        <translation>取消通报(&amp;C)</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>代表团</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>演习</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Exercise register</source>
        <translation>演习登记簿</translation>
    </message>
    <message>
        <source>&amp;Request aid…</source>
        <translation>请求援助(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>提供(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>接受提供(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>标记为已交付(&amp;D)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unmet</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>提供</translation>
    </message>
    <message>
        <source>Disaster aid</source>
        <translation>灾害援助</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Report &amp;incident…</source>
        <translation>通报事件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Link to request</source>
        <translation>关联到请求(&amp;L)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Requests for explanation and their incidents</source>
        <translation>澄清请求及其关联事件</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>&amp;Fill in template…</source>
        <translation>填写模板(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Publish template…</source>
        <translation>发布模板(&amp;P)…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>提交(&amp;S)…</translation>
    </message>
    <message>
        <source>Set &amp;due date…</source>
        <translation>设置截止日期(&amp;D)…</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Annual exchange</source>
        <translation>年度交流</translation>
    </message>
    <message>
        <source>&amp;Amend submission…</source>
        <translation>修改提交(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 (not held here)</source>
        <translation>%1(本机未持有)</translation>
    </message>
    <message>
        <source>Export the exercise register</source>
        <translation>导出演习登记册</translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>可打印的 PDF (*.pdf);;CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Corridor venue</source>
        <translation>Corridor 论坛</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>所有代表团</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1（修订 %2）</translation>
    </message>
    <message>
        <source>Unmet needs: %1</source>
        <translation>未满足的需求：%1</translation>
    </message>
    <message>
        <source>No unmet needs</source>
        <translation>没有未满足的需求</translation>
    </message>
    <message>
        <source>Annual exchange %1, due %2</source>
        <translation>年度交流 %1，截止 %2</translation>
    </message>
    <message>
        <source>not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>late</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>No agenda has been posted yet.</source>
        <translation>尚未发布议程。</translation>
    </message>
    <message>
        <source>Post a revised a&amp;genda…</source>
        <translation>发布修订后的议程(&amp;G)…</translation>
    </message>
    <message>
        <source>Pinned agenda:</source>
        <translation>已置顶的议程：</translation>
    </message>
    <message>
        <source>Pinned agenda</source>
        <translation>已置顶的议程</translation>
    </message>
    <message>
        <source>Revision %1 · posted by %2 · %3</source>
        <translation>第 %1 版 · 由 %2 发布 · %3</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认收到(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>隐藏(&amp;H)</translation>
    </message>
    <message>
        <source>Acknowledgement tracker</source>
        <translation>确认收到跟踪</translation>
    </message>
    <message>
        <source>EMERGENCY — meeting convened by %1</source>
        <translation>紧急 — %1 召集了会议</translation>
    </message>
    <message>
        <source>%1 of %2 missions have not yet acknowledged: %3</source>
        <translation>%2 个代表团中有 %1 个尚未确认收到：%3</translation>
    </message>
    <message>
        <source>Every mission has acknowledged.</source>
        <translation>所有代表团均已确认收到。</translation>
    </message>
    <message>
        <source>Sh&amp;ow</source>
        <translation>显示(&amp;O)</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>确认收到(&amp;K)</translation>
    </message>
    <message>
        <source>Hotline: %1 awaits your mission&apos;s acknowledgement: “%2”</source>
        <translation>热线：%1 正在等待贵代表团确认收到：“%2”</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Members by mission</source>
        <translation>按代表团列出的成员</translation>
    </message>
    <message>
        <source>&amp;Verify device…</source>
        <translation>验证设备(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Everything in the app can be done from the keyboard: Tab moves between controls, the arrow keys within lists.</source>
        <translation>应用中的一切操作都可以用键盘完成：Tab 在控件之间移动，方向键在列表中移动。</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Tracker</name>
    <message>
        <source>✓ %1 — acknowledged by %2</source>
        <translation>✓ %1 — %2 已确认收到</translation>
    </message>
    <message>
        <source>✗ %1 — read, not yet acknowledged</source>
        <translation>✗ %1 — 已读，尚未确认收到</translation>
    </message>
    <message>
        <source>✗ %1 — not yet answered</source>
        <translation>✗ %1 — 尚未回复</translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message>
        <source>Alarm: %1</source>
        <translation>警报：%1</translation>
    </message>
    <message>
        <source>signed tree head: size %1, root %2</source>
        <translation>已签名的树头：大小 %1，根 %2</translation>
    </message>
    <message>
        <source>record (DER, %1 bytes): %2…</source>
        <translation>记录（DER，%1 字节）：%2…</translation>
    </message>
    <message>
        <source>Directory: checking…</source>
        <translation>目录：正在检查…</translation>
    </message>
    <message>
        <source>✔ Directory verified</source>
        <translation>✔ 目录已验证</translation>
    </message>
    <message>
        <source>⚠ Directory not verified</source>
        <translation>⚠ 目录未验证</translation>
    </message>
    <message>
        <source>Directory verification</source>
        <translation>目录验证</translation>
    </message>
    <message>
        <source>Every member&apos;s certificate is in the venue&apos;s transparency log, and every tree head seen agrees.</source>
        <translation>每位成员的证书都在论坛的透明日志中，所见的所有树头均一致。</translation>
    </message>
    <message>
        <source>The relay&apos;s directory could not be verified for this conversation. Keep the evidence below and tell your security officer.</source>
        <translation>无法为此会话验证中继的目录。请保留以下证据并告知您的安全负责人。</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Transparency log: my mission</source>
        <translation>透明日志：我的代表团</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>正在读取日志…</translation>
    </message>
    <message>
        <source>Issued certificates folder…</source>
        <translation>已签发证书文件夹…</translation>
    </message>
    <message>
        <source>The mission&apos;s issued/ folder</source>
        <translation>代表团的 issued/ 文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>日志中有 %n 个警报（条目数：%1）：存在并非本代表团签发的证书。请吊销该证书，并检查谁持有代表团密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate the mission did not issue (log entries: %1, checked against its signed head).</source>
        <translation>没有非本代表团签发的证书（日志条目数：%1，已对照其签名树头核验）。</translation>
    </message>
    <message>
        <source>The log could not be checked: %1</source>
        <translation>无法检查日志：%1</translation>
    </message>
</context>
<context>
    <name>Venues</name>
    <message>
        <source>%1: %2 unread</source>
        <translation>%1：%2 条未读</translation>
    </message>
    <message>
        <source>Corridor</source>
        <translation>Corridor</translation>
    </message>
    <message>
        <source>Add a venue — choose its home directory</source>
        <translation>添加论坛 — 选择其主目录</translation>
    </message>
    <message>
        <source>Open venue</source>
        <translation>打开论坛</translation>
    </message>
    <message>
        <source>&amp;Open Corridor</source>
        <translation>打开 Corridor(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>论坛</translation>
    </message>
    <message>
        <source>Venues: switch, open a known one, or add one</source>
        <translation>论坛：切换、打开已知论坛或添加论坛</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this venue</source>
        <translation>关闭此论坛</translation>
    </message>
    <message>
        <source>Close this venue (its connection ends; the others keep running)</source>
        <translation>关闭此论坛（其连接结束；其他论坛继续运行）</translation>
    </message>
    <message>
        <source>%1 (not open)</source>
        <translation>%1（未打开）</translation>
    </message>
    <message>
        <source>Add a venue…</source>
        <translation>添加论坛…</translation>
    </message>
</context>
</TS>
