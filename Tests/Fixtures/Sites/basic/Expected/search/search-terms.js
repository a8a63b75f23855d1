var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{}};SITEGEN_SEARCH.terms={"hash":"edff1cc8","chunks":["about"],"dicts":["ab"]};
