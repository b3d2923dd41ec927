#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace packscope {

// Zip entry names without the UTF-8 flag are IBM code page 437 by the zip
// specification. Returns the name as UTF-8; ASCII names come back unchanged.
QByteArray cp437ToUtf8(QByteArrayView name);

// True when every byte is below 0x80.
bool isAscii(QByteArrayView bytes);
// True when the bytes are well-formed UTF-8 (ASCII included).
bool isValidUtf8(QByteArrayView bytes);

} // namespace packscope
