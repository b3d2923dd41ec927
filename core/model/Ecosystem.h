#pragma once

namespace packscope {

// The language ecosystem a dependency belongs to or a slimming rule is for.
// Dependencies are only ever Python or Node (npm); a rule may also be for
// Java, or for Any package.
enum class Ecosystem { Any, Python, Node, Java };

} // namespace packscope
