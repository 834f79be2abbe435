// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors
// PLACEHOLDER: the codec is being written (issue 2). Stubs keep the tree building.
#include "codec.h"

namespace duplex::proto {
QString errorCodeName(ErrorCode) { return {}; }
std::optional<ErrorCode> errorCodeFromName(const QString &) { return std::nullopt; }
QList<ErrorCode> allErrorCodes() { return {}; }
ClientDecodeResult decodeClient(QByteArrayView) { return DecodeError{}; }
ClientDecodeResult decodeClient(const QString &) { return DecodeError{}; }
ServerDecodeResult decodeServer(QByteArrayView) { return DecodeError{}; }
ServerDecodeResult decodeServer(const QString &) { return DecodeError{}; }
QByteArray encode(const ClientMessage &) { return {}; }
QByteArray encode(const ServerMessage &) { return {}; }
QString typeName(const ClientMessage &) { return {}; }
QString typeName(const ServerMessage &) { return {}; }
server::Error makeError(ErrorCode code, const QString &re, const QString &message) { return {re, code, message}; }
QString peekType(QByteArrayView) { return {}; }
} // namespace duplex::proto
