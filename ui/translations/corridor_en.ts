<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Conversation</name>
    <message numerus="yes">
        <source>%n new message(s) ↓</source>
        <translation>
            <numerusform>%n new message ↓</numerusform>
            <numerusform>%n new messages ↓</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message numerus="yes">
        <source>%n device(s) of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</source>
        <translation>
            <numerusform>%n device of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</numerusform>
            <numerusform>%n devices of yours in the venue. Remove one you lost: it can no longer connect, and it is removed from every channel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: it can no longer connect, and it is being removed from %n channel(s).</source>
        <translation>
            <numerusform>Removed %1: it can no longer connect, and it is being removed from %n channel.</numerusform>
            <numerusform>Removed %1: it can no longer connect, and it is being removed from %n channels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will no longer connect to the venue and is removed from its %n channel(s): it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</source>
        <translation>
            <numerusform>It will no longer connect to the venue and is removed from its %n channel: it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</numerusform>
            <numerusform>It will no longer connect to the venue and is removed from its %n channels: it cannot read any new message. This cannot be undone. If it may be in other hands, also ask your mission to revoke its certificate.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Backed up the history of %n channel(s) to %1.</source>
        <translation>
            <numerusform>Backed up the history of %n channel to %1.</numerusform>
            <numerusform>Backed up the history of %n channels to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored the history of %n channel(s) into %1.</source>
        <translation>
            <numerusform>Restored the history of %n channel into %1.</numerusform>
            <numerusform>Restored the history of %n channels into %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1, signed by this device.</source>
        <translation>
            <numerusform>Exported %n message to %1, signed by this device.</numerusform>
            <numerusform>Exported %n messages to %1, signed by this device.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>%1: %n exercise(s)</source>
        <translation>
            <numerusform>%1: %n exercise</numerusform>
            <numerusform>%1: %n exercises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Transparency</name>
    <message numerus="yes">
        <source>%n alarm(s) in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</source>
        <translation>
            <numerusform>%n alarm in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</numerusform>
            <numerusform>%n alarms in the log (entries: %1): a certificate this mission did not issue. Revoke it and check who holds the mission key.</numerusform>
        </translation>
    </message>
</context>
</TS>
