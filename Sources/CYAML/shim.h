#ifndef GATEWAY_CYAML_SHIM_H
#define GATEWAY_CYAML_SHIM_H
#include <yaml.h>
#endif
